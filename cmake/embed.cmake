# vigil_embed(TARGET_VAR NAME FILE): generates a .cpp that defines
# `std::string_view vigil::embedded::NAME()` returning the file's bytes, so that
# data the binary must always carry (migrations, the OpenAPI document) needs no data directory.
function(vigil_embed out_var name file)
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/embedded_${name}.cpp")
  add_custom_command(
    OUTPUT "${generated}"
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${generated} -DNAME=${name}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS "${file}" ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    VERBATIM)
  set(${out_var} "${generated}" PARENT_SCOPE)
endfunction()
