# Installation and the Debian package (included by the top-level CMakeLists.txt).
#
# `cmake --install build --prefix P` lays vankho out the FHS way under P: P/bin (the three tools),
# P/share/vankho (the search page, the built-in themes and boilerplate rules as editable copies, the
# systemd units as examples), P/etc/vankho/vankho.conf, P/share/man/man1. With the prefix /usr, the
# Debian package's, the configuration goes to /etc/vankho and the units to /lib/systemd/system
# (the GNU convention: a /usr prefix has its configuration in /etc).
#
# `cpack -G DEB` (scripts/package.sh) builds vankho_VERSION_ARCH.deb: Depends from dpkg-shlibdeps,
# a `vankho` system user and /var/lib/vankho made by postinst, /etc/vankho/vankho.conf a conffile,
# data, configuration and user removed on purge only.
include(GNUInstallDirs)
set(VANKHO_PACKAGE_DIR ${CMAKE_CURRENT_LIST_DIR})

install(DIRECTORY web/ DESTINATION ${CMAKE_INSTALL_DATADIR}/vankho/web)
install(FILES indexer/extract/themes.tsv indexer/ingest/boilerplate.txt DESTINATION ${CMAKE_INSTALL_DATADIR}/vankho)

# Man pages from the tools' own --help (help2man), so that they never disagree with it.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(man_pages "")
  foreach(tool_and_summary
          "vankho-indexer|index an archive of Vietnamese documents for vankho"
          "vankho-searchd|serve vankho searches over HTTP JSON"
          "vankho-query|search a vankho index from the command line")
    string(REPLACE "|" ";" parts "${tool_and_summary}")
    list(GET parts 0 tool)
    list(GET parts 1 summary)
    set(page ${CMAKE_BINARY_DIR}/man/${tool}.1)
    add_custom_command(OUTPUT ${page}
                       COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
                       COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
                               --version-string=${PROJECT_VERSION} --name=${summary} --output=${page}
                               $<TARGET_FILE:${tool}>
                       DEPENDS ${tool} VERBATIM)
    list(APPEND man_pages ${page})
  endforeach()
  add_custom_target(vankho_man_pages ALL DEPENDS ${man_pages})
  install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man pages (scripts/install-deps.sh installs it)")
endif()

# The configuration and the units: where they go depends on the prefix given at install time
# (cmake --install --prefix, or cpack's /usr), so it is decided then. file(INSTALL) puts DESTDIR
# (cpack's staging folder) in front of these absolute paths itself.
install(CODE "
  set(package_dir \"${VANKHO_PACKAGE_DIR}\")
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(sysconfdir /etc/vankho)
    set(unitdir /lib/systemd/system)
  else()
    set(sysconfdir \${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_SYSCONFDIR}/vankho)
    set(unitdir \${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/vankho/systemd)
  endif()
  set(BINDIR \${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR})
  set(SYSCONFDIR \${sysconfdir})
  set(staging \"${CMAKE_BINARY_DIR}/package-units\")
  foreach(unit vankho-searchd.service vankho-indexer.service)
    configure_file(\${package_dir}/\${unit}.in \${staging}/\${unit} @ONLY)
  endforeach()
  file(INSTALL \${staging}/vankho-searchd.service \${staging}/vankho-indexer.service
               \${package_dir}/vankho-indexer.timer \${package_dir}/vankho-replicate-server.service
               \${package_dir}/vankho-replica@.service DESTINATION \${unitdir})
  file(INSTALL \${package_dir}/vankho.conf DESTINATION \${sysconfdir})
")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vankho)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "vankho maintainers <vankho@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "search engine for archives of Vietnamese Party documents")
set(CPACK_PACKAGE_DESCRIPTION "vankho indexes archives of directives, resolutions and programmes \
(txt, md, html, docx, odt, pdf, doc, rtf, JSON lines, scans) with Vietnamese text rules and serves \
searches over HTTP JSON with a search page, access levels for classified documents, and systemd units.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, procps")  # postinst, ExecReload's kill; dpkg-shlibdeps adds the libraries
# Run as child processes for .doc and .rtf, and for OCR: vankho works without them, skipping those.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "antiword, catdoc, unrtf, tesseract-ocr-vie")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xapian-tools")  # replicas and shards: vankho-replica@.service, xapian-tcpsrv
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${VANKHO_PACKAGE_DIR}/postinst ${VANKHO_PACKAGE_DIR}/prerm ${VANKHO_PACKAGE_DIR}/postrm
    ${VANKHO_PACKAGE_DIR}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
# Only the tools, the page and their files: not the static libraries or anything of the tests.
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};vankho;ALL;/")
include(CPack)
