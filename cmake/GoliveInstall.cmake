# Installing golive, and its Debian package.
#
# cmake --install puts the binary in bin/, the shipped templates, checklists
# and fonts in share/golive/ (found by the binary relative to itself, see
# cli_data_folder), the manual in share/man/man1/ and the documentation in
# share/doc/golive/. `cpack -G DEB` in the build folder makes
# golive_VERSION_ARCH.deb, which `apt install ./golive_*.deb` installs with
# the libraries it needs (found by dpkg-shlibdeps).
include(GNUInstallDirs)

install(TARGETS golive RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/templates ${CMAKE_SOURCE_DIR}/checklists
                  ${CMAKE_SOURCE_DIR}/fonts
        DESTINATION ${CMAKE_INSTALL_DATADIR}/golive)
install(FILES ${CMAKE_SOURCE_DIR}/docs/golive.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
file(GLOB golive_docs ${CMAKE_SOURCE_DIR}/docs/*.md ${CMAKE_SOURCE_DIR}/docs/*.txt)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${golive_docs} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The sRGB profile is compiled into the binary; its licence goes with it.
install(FILES ${CMAKE_SOURCE_DIR}/profiles/LICENSE-sRGB.txt DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME golive)
set(CPACK_PACKAGE_VENDOR "golive")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "go-live checklists and runbooks in YAML to signed-off Markdown and PDF")
set(CPACK_PACKAGE_DESCRIPTION
    "golive turns checklist and runbook definitions written in YAML, and the results of carrying them out, into signed-off Markdown and PDF documents for ERP go-lives: audit, pre-flight sheet, runbook, sign-off sheet, emergency contacts and close-out record.")
set(CPACK_PACKAGE_CONTACT "golive maintainers <golive@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The hyphenation patterns are read at run time (src/layout_hyphen.c):
# dpkg-shlibdeps finds libhyphen0, not the pattern files. libqrencode4 (the
# QR codes of printed sheets, src/layout_qr.c) is named as well.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hyphen-en-us, hyphen-de, hyphen-fr, libqrencode4")
set(CPACK_STRIP_FILES ON)
include(CPack)
