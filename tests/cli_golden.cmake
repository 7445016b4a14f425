# Runs one golive command in a fresh copy of tests/cli/engagement and
# compares its stdout, stderr and exit status with NAME.expected. The
# command's arguments are the lines of NAME.args; a line "&&" separates
# commands run one after the other, while each succeeds (their outputs
# are compared together, the exit status is the last one's). When the
# last command fails, the run file must be as the commands before it left
# it: a refused record writes nothing.
#
# To rewrite a golden file on purpose, after reading the new output, add
# -DREGENERATE=1 to the command line CTest shows (ctest -V).
set(work "${WORK}/${NAME}")
file(REMOVE_RECURSE "${work}")
file(COPY "${CASES}/engagement/" DESTINATION "${work}")
# file(STRINGS) would split at non-ASCII bytes: read the file whole.
file(READ "${CASES}/${NAME}.args" content)
string(REGEX REPLACE "\n$" "" content "${content}")
string(REPLACE "\n" ";" lines "${content}")
set(output "")
set(errors "")
set(status 0)
set(arguments "")
list(APPEND lines "&&")
foreach(line IN LISTS lines)
  if(NOT line STREQUAL "&&")
    list(APPEND arguments "${line}")
    continue()
  endif()
  if(NOT status EQUAL 0)
    break()
  endif()
  file(READ "${work}/run.yaml" before)
  execute_process(COMMAND "${GOLIVE}" ${arguments}
                  WORKING_DIRECTORY "${work}"
                  RESULT_VARIABLE status OUTPUT_VARIABLE one_output ERROR_VARIABLE one_errors)
  string(APPEND output "${one_output}")
  string(APPEND errors "${one_errors}")
  set(last "${arguments}")
  set(arguments "")
endforeach()
set(actual "stdout:\n${output}stderr:\n${errors}exit: ${status}\n")
if(REGENERATE)
  file(WRITE "${CASES}/${NAME}.expected" "${actual}")
  return()
endif()
file(READ "${CASES}/${NAME}.expected" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "golive ${last}\n--- expected\n${expected}--- actual\n${actual}")
endif()
if(NOT status EQUAL 0)
  file(READ "${work}/run.yaml" after)
  if(NOT before STREQUAL after)
    message(FATAL_ERROR "golive ${last} failed but changed run.yaml:\n${after}")
  endif()
endif()
