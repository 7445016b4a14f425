# Runs one golden case of `golive render` and compares what it did with
# what the case expects. Called by CTest as
#   cmake -DGOLIVE=... -DCASE=tests/render/NAME -DWORK=build-dir -P run_case.cmake
# A case folder holds:
#   args             the arguments after `render`, one a line, run from inside
#                    the case folder; @OUTPUT@ stands for a file in WORK
#   expected.status  the exit status
#   expected.stderr  the diagnostics, exactly
#   expected.stdout  what goes to standard output (absent: nothing)
#   expected.output  what @OUTPUT@ must hold afterwards (absent: what
#                    existing.output held before the run, or no file at all)
#   existing.output  put at @OUTPUT@ before the run, if present
cmake_minimum_required(VERSION 3.25)
get_filename_component(name "${CASE}" NAME)
set(output "${WORK}/${name}.output")
file(REMOVE "${output}")
if(EXISTS "${CASE}/existing.output")
  file(COPY_FILE "${CASE}/existing.output" "${output}")
endif()

file(STRINGS "${CASE}/args" arguments)
list(TRANSFORM arguments REPLACE "@OUTPUT@" "${output}")
execute_process(COMMAND "${GOLIVE}" render ${arguments}
                WORKING_DIRECTORY "${CASE}"
                RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)

set(failures "")
function(expect what expected actual)
  if(NOT expected STREQUAL actual)
    set(failures "${failures}\n--- ${what}: expected\n${expected}\n--- got\n${actual}" PARENT_SCOPE)
  endif()
endfunction()

file(READ "${CASE}/expected.status" expected_status)
string(STRIP "${expected_status}" expected_status)
expect("exit status" "${expected_status}" "${status}")
file(READ "${CASE}/expected.stderr" expected_stderr)
expect("stderr" "${expected_stderr}" "${stderr}")
set(expected_stdout "")
if(EXISTS "${CASE}/expected.stdout")
  file(READ "${CASE}/expected.stdout" expected_stdout)
endif()
expect("stdout" "${expected_stdout}" "${stdout}")

set(expected_output "<no file>")
if(EXISTS "${CASE}/expected.output")
  file(READ "${CASE}/expected.output" expected_output)
elseif(EXISTS "${CASE}/existing.output")
  file(READ "${CASE}/existing.output" expected_output)
endif()
set(actual_output "<no file>")
if(EXISTS "${output}")
  file(READ "${output}" actual_output)
endif()
expect("@OUTPUT@" "${expected_output}" "${actual_output}")

if(failures)
  message(FATAL_ERROR "golive render ${arguments} (in ${CASE})${failures}")
endif()
