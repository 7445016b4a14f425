/* A libharu version golive was not written for, for the test libharu_fence. */
#define HPDF_MAJOR_VERSION 2
#define HPDF_MINOR_VERSION 4
#define HPDF_BUGFIX_VERSION 0
#define HPDF_EXTRA_VERSION ""
#define HPDF_VERSION_TEXT "2.4.0"
#define HPDF_VERSION_ID 20400
