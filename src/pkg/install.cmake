# Install rules and package files (included at the end of the top-level CMakeLists.txt).
#
# One build installs one flavour of the library, static or shared (BUILD_SHARED_LIBS), and both
# flavours can be installed into the same prefix by two builds. Each flavour writes its own CMake
# targets file (strata-static-targets.cmake, strata-shared-targets.cmake); strataConfig.cmake
# picks one of them for strata::strata (see strataConfig.cmake.in). The headers, the config
# files, strata.pc and the strata tool are the same from either build.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

if(BUILD_SHARED_LIBS)
  set(strata_flavour shared)
else()
  set(strata_flavour static)
endif()
set(STRATA_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/strata CACHE STRING
    "Where strataConfig.cmake is installed, relative to the prefix")

install(TARGETS strata EXPORT strata-${strata_flavour}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/strata TYPE INCLUDE FILES_MATCHING PATTERN "*.h")
install(EXPORT strata-${strata_flavour} NAMESPACE strata::
        FILE strata-${strata_flavour}-targets.cmake DESTINATION ${STRATA_INSTALL_CMAKEDIR})

configure_package_config_file(src/pkg/strataConfig.cmake.in
  ${PROJECT_BINARY_DIR}/pkg/strataConfig.cmake INSTALL_DESTINATION ${STRATA_INSTALL_CMAKEDIR})
# 0.x: a minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pkg/strataConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/pkg/strataConfig.cmake
              ${PROJECT_BINARY_DIR}/pkg/strataConfigVersion.cmake
        DESTINATION ${STRATA_INSTALL_CMAKEDIR})

# pkg-config. Paths are relative to the .pc file (${pcfiledir}), so the file stays right under
# any `cmake --install --prefix`. Libs.private lists what a static link needs besides
# libstrata.a, taken from the libraries the strata target links.
function(strata_pc_path var dir)
  if(IS_ABSOLUTE "${dir}")
    set(${var} "${dir}" PARENT_SCOPE)
  else()
    set(${var} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()

function(strata_pc_libs_private var)
  get_target_property(links strata LINK_LIBRARIES)
  set(flags)
  foreach(lib IN LISTS links)
    if(lib STREQUAL "OpenMP::OpenMP_C")
      foreach(name IN LISTS OpenMP_C_LIB_NAMES)
        get_filename_component(dir "${OpenMP_${name}_LIBRARY}" DIRECTORY)
        if(dir AND NOT dir IN_LIST CMAKE_C_IMPLICIT_LINK_DIRECTORIES)
          list(APPEND flags "-L${dir}")
        endif()
        list(APPEND flags "-l${name}")
      endforeach()
    elseif(lib STREQUAL "Threads::Threads")
      list(APPEND flags ${CMAKE_THREAD_LIBS_INIT})
    elseif(lib MATCHES "^[A-Za-z0-9_+-]+$" AND NOT TARGET ${lib})
      list(APPEND flags "-l${lib}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES flags)
  list(JOIN flags " " flags)
  set(${var} "${flags}" PARENT_SCOPE)
endfunction()

file(RELATIVE_PATH STRATA_PC_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" STRATA_PC_PREFIX "\${pcfiledir}/${STRATA_PC_PREFIX}")
strata_pc_path(STRATA_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
strata_pc_path(STRATA_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
strata_pc_libs_private(STRATA_PC_LIBS_PRIVATE)
configure_file(src/pkg/strata.pc.in ${PROJECT_BINARY_DIR}/pkg/strata.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pkg/strata.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
