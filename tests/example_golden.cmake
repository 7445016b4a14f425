# The example engagement's view data (golive build --dump view) and its
# generated Markdown, byte for byte, against tests/golden/example/: a change
# to what the documents say shows here line by line.
#   cmake -DGOLIVE=... -DSOURCE=source-dir -DWORK=build-dir -P example_golden.cmake
# To rewrite the golden files on purpose, read the differences first, then
# add -DREGENERATE=1 to the command line CTest shows (ctest -V).
set(work "${WORK}/example-golden")
set(golden "${SOURCE}/tests/golden/example")
file(REMOVE_RECURSE "${work}")
file(COPY "${SOURCE}/examples/hollenbach/" DESTINATION "${work}")
set(ENV{GOLIVE_DATADIR} "${SOURCE}")
unset(ENV{SOURCE_DATE_EPOCH})
execute_process(COMMAND "${GOLIVE}" build project.yaml -o out --format md --quiet
                WORKING_DIRECTORY "${work}" RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "golive build failed (${status}):\n${errors}")
endif()
execute_process(COMMAND "${GOLIVE}" build project.yaml --dump view
                WORKING_DIRECTORY "${work}" RESULT_VARIABLE status ERROR_VARIABLE errors
                OUTPUT_FILE "${work}/out/view.yaml")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "golive build --dump view failed (${status}):\n${errors}")
endif()
set(names view.yaml audit.md preflight.md runbook.md signoff.md contacts.md
          contacts-client.md closeout.md)
set(differing "")
foreach(name IN LISTS names)
  if(REGENERATE)
    file(COPY_FILE "${work}/out/${name}" "${golden}/${name}")
    continue()
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${golden}/${name}"
                          "${work}/out/${name}" RESULT_VARIABLE same)
  if(NOT same EQUAL 0)
    execute_process(COMMAND diff -u "${golden}/${name}" "${work}/out/${name}"
                    OUTPUT_VARIABLE difference)
    string(SUBSTRING "${difference}" 0 4000 difference)
    message("--- ${name} differs:\n${difference}")
    list(APPEND differing ${name})
  endif()
endforeach()
if(differing)
  message(FATAL_ERROR "differs from tests/golden/example/: ${differing}")
endif()
