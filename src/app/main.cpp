// The `vigil` executable.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return vigil::cli::Run(argc, argv); }
