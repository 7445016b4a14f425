# golive plan on tests/plan (a checklist with two rehearsals): the
# proposal printed against expected-proposal.txt (worked out by hand: see
# the comments of r1.yaml and r2.yaml and docs/rules.md, "Rehearsals");
# a bad --margin and an unknown --from refused with the checklist
# untouched; --write giving exactly expected-checklist.yaml (written by
# hand: four budget values differ, and two steps without one get a budget
# line, in block and in flow style); and a second --write changing
# nothing. -DREGENERATE=1 rewrites the expected outputs of the command,
# never expected-checklist.yaml.
set(work "${WORK}/plan")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")
foreach(name checklist.yaml project.yaml live.yaml r1.yaml r2.yaml)
  file(COPY "${CASES}/${name}" DESTINATION "${work}")
endforeach()

function(plan expected_status stream expected_file)
  execute_process(COMMAND "${GOLIVE}" plan project.yaml ${ARGN}
                  WORKING_DIRECTORY "${work}"
                  OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
  if(stream STREQUAL "stdout")
    set(shown "${output}")
    set(other "${errors}")
  else()
    set(shown "${errors}")
    set(other "${output}")
  endif()
  if(REGENERATE AND NOT expected_file STREQUAL "")
    file(WRITE "${CASES}/${expected_file}" "${shown}")
  endif()
  if(NOT status STREQUAL expected_status)
    message(FATAL_ERROR "golive plan ${ARGN}: exit ${status}, expected ${expected_status}\n${output}${errors}")
  endif()
  if(NOT other STREQUAL "")
    message(FATAL_ERROR "golive plan ${ARGN}: unexpected output:\n${other}")
  endif()
  if(NOT expected_file STREQUAL "")
    file(READ "${CASES}/${expected_file}" expected)
    if(NOT shown STREQUAL expected)
      message(FATAL_ERROR "golive plan ${ARGN}: ${stream} differs from ${expected_file}:\n${shown}")
    endif()
  endif()
endfunction()

function(expect_checklist expected_file why)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${work}/checklist.yaml"
                          "${CASES}/${expected_file}" RESULT_VARIABLE differs)
  if(differs)
    execute_process(COMMAND diff "${CASES}/${expected_file}" "${work}/checklist.yaml"
                    OUTPUT_VARIABLE difference)
    message(FATAL_ERROR "${why}: checklist.yaml is not ${expected_file}:\n${difference}")
  endif()
endfunction()

plan(0 stdout expected-proposal.txt)
expect_checklist(checklist.yaml "without --write")
plan(2 stderr expected-bad-margin.txt --margin "20 percent" --write)
expect_checklist(checklist.yaml "a bad --margin")
plan(2 stderr expected-unknown-from.txt --from "Rehearsal 3" --write)
expect_checklist(checklist.yaml "an unknown --from")
plan(0 stdout "" --write)
expect_checklist(expected-checklist.yaml "--write")
plan(0 stdout "" --write)
expect_checklist(expected-checklist.yaml "a second --write")
