# The Debian libraries whose -dev packages ship a static archive are linked
# from it. Each shared library costs every run of golive its mapping and its
# symbol relocations before main; libcrypto alone relocates thousands of
# symbols, for the SHA-256 golive takes from it. Linking these eleven
# statically took `golive --version` from 3.8 to 2.5 ms of CPU and a
# one-page md2pdf from 18.7 to 15.4 ms (bench/RESULTS.md, December 2026).
# libharu, HarfBuzz (with FreeType, GLib and the rest it loads itself),
# libpng and libqrencode ship no archive and stay shared, as do libc and
# libm. GOLIVE_STATIC_ARCHIVES=OFF links everything shared.
option(GOLIVE_STATIC_ARCHIVES "Link the libraries that ship a static archive from it" ON)

# golive_archive(OUT NAME): OUT becomes the path of libNAME.a, or stays as
# it is when the option is off or the archive is missing.
function(golive_archive out name)
  if(NOT GOLIVE_STATIC_ARCHIVES)
    return()
  endif()
  find_library(GOLIVE_ARCHIVE_${name} NAMES lib${name}.a NO_CACHE)
  if(GOLIVE_ARCHIVE_${name})
    set(${out} ${GOLIVE_ARCHIVE_${name}} PARENT_SCOPE)
  endif()
endfunction()

# golive_archive_target(TARGET NAME...): the pkg-config target TARGET links
# the archives of NAME... in that order (a library before those it uses).
function(golive_archive_target target)
  set(archives)
  foreach(name IN LISTS ARGN)
    set(path "")
    golive_archive(path ${name})
    if(NOT path)
      return()
    endif()
    list(APPEND archives ${path})
  endforeach()
  set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES ${archives})
  set_property(TARGET ${target} PROPERTY INTERFACE_LINK_OPTIONS "")
endfunction()

golive_archive_target(PkgConfig::YAML yaml)
golive_archive_target(PkgConfig::CMARK_GFM cmark-gfm)
golive_archive_target(PkgConfig::SODIUM sodium)
golive_archive_target(PkgConfig::LIBCRYPTO crypto)
golive_archive_target(PkgConfig::UTF8PROC utf8proc)
golive_archive_target(PkgConfig::FRIBIDI fribidi)
golive_archive_target(PkgConfig::JPEG jpeg)
# The extensions come after the core on the link line and use it.
set(extensions "")
set(core "")
golive_archive(extensions cmark-gfm-extensions)
golive_archive(core cmark-gfm)
if(GOLIVE_STATIC_ARCHIVES AND extensions AND core)
  set(CMARK_GFM_EXTENSIONS_LIBRARY ${extensions} ${core})
endif()
golive_archive(UNISTRING_LIBRARY unistring)
golive_archive(LIBDEFLATE_LIBRARY deflate)
golive_archive(HYPHEN_LIBRARY hyphen)
