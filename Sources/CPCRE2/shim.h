#ifndef SUMI_CPCRE2_SHIM_H
#define SUMI_CPCRE2_SHIM_H
// PCRE2 needs the code unit width before its header; sumi works on UTF-8 only.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
