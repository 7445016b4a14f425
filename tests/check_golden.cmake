# Runs `golive check` on one bad input and compares what it prints on stderr,
# and its exit status, with the golden file NAME.expected (stdout must stay
# empty). The input is NAME.yaml, or the path written in NAME.check.
#
# To rewrite a golden file on purpose, after reading the new output:
#   cmake -DGOLIVE=build/golive -DDIR=tests/bad-input -DNAME=case -DREGENERATE=1 \
#         -P tests/check_golden.cmake
if(EXISTS "${DIR}/${NAME}.check")
  file(STRINGS "${DIR}/${NAME}.check" input LIMIT_COUNT 1)
else()
  set(input "${NAME}.yaml")
endif()
execute_process(COMMAND "${GOLIVE}" check "${input}"
                WORKING_DIRECTORY "${DIR}"
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE errors)
set(actual "${errors}exit: ${status}\n")
if(REGENERATE)
  file(WRITE "${DIR}/${NAME}.expected" "${actual}")
  return()
endif()
file(READ "${DIR}/${NAME}.expected" expected)
if(NOT output STREQUAL "")
  message(FATAL_ERROR "golive check printed on stdout:\n${output}")
endif()
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "golive check ${input}\n--- expected\n${expected}--- actual\n${actual}")
endif()
