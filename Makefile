# Vigil: the two commands of the README are `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
CMAKE_FLAGS ?=
STAGE := scripts/stage.sh

.PHONY: all setup configure build web run test test-unit test-parity fuzz bench clean

all: build

setup:
	@$(STAGE) setup scripts/setup.sh

configure: setup
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
	  $(STAGE) configure cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS); \
	fi

build: configure web
	@$(STAGE) build cmake --build $(BUILD_DIR)

web: setup
	@$(STAGE) web sh -c 'cd web && npm run --silent build'

run: build
	@mkdir -p var
	@echo "Vigil: serving http://127.0.0.1:8080 (public portal at /, practitioner app at /app/). Stop with Ctrl-C."
	@echo "First time? In another terminal, create the first admin account:"
	@echo "  $(BUILD_DIR)/vigil user add NAME --role admin --db ./var/vigil.db"
	@echo "(it asks for the password; it is never given as a flag)"
	$(BUILD_DIR)/vigil serve --db ./var/vigil.db --web ./web/dist

# Every test: unit, conformance, CLI, API (real server) and browser (headless Chromium).
# The last line is CTest's summary, repeated after the stage timing.
test: build
	@$(STAGE) test bash -o pipefail -c 'cd $(BUILD_DIR) && ctest --output-on-failure -j2 | tee ctest-output.txt'
	@grep -E '^[0-9]+% tests passed' $(BUILD_DIR)/ctest-output.txt

# Unit, conformance and CLI tests only (no Node, no browser).
test-unit: configure
	@cmake --build $(BUILD_DIR) && cd $(BUILD_DIR) && ctest --output-on-failure -j2 -E '^(api|e2e)$$'

# Reruns R surveillance live (installing r-base-core and r-cran-surveillance when missing) and checks the committed golden files
# still match it, then runs the parity tests against them.
test-parity: configure
	@scripts/setup-r.sh
	@Rscript tests/signals/generate_ears_golden.R tests/signals/salmonella_agona.txt $(BUILD_DIR)/ears_golden_live.csv
	@Rscript tests/signals/generate_r1_golden.R $(BUILD_DIR)/r1_series_live.txt $(BUILD_DIR)/r1_golden_live.csv
	@diff -q tests/signals/ears_salmonella_agona.csv $(BUILD_DIR)/ears_golden_live.csv
	@diff -q tests/signals/salmnewport_germany.txt $(BUILD_DIR)/r1_series_live.txt
	@diff -q tests/signals/ears_r1_salmnewport.csv $(BUILD_DIR)/r1_golden_live.csv
	@Rscript tests/signals/generate_farrington_golden.R tests/signals $(BUILD_DIR)/farrington_golden_live.csv $(BUILD_DIR)/generated_series_live.csv
	@diff -q tests/signals/generated_series.csv $(BUILD_DIR)/generated_series_live.csv
	@diff -q tests/signals/farrington_golden.csv $(BUILD_DIR)/farrington_golden_live.csv && echo "golden files match R"
	@Rscript tests/signals/generate_quality_r.R tests/signals/labelled $(BUILD_DIR)/quality_r_live.csv
	@diff -q tests/signals/quality_r.csv $(BUILD_DIR)/quality_r_live.csv && echo "quality rows match R"
	@cmake --build $(BUILD_DIR) --target vigil_signals_tests && $(BUILD_DIR)/tests/vigil_signals_tests

# libFuzzer on the JSON request decoding for 60 s (needs clang; not part of `make test`).
fuzz: setup
	@cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DVIGIL_FUZZ=ON -DVIGIL_BUILD_TESTS=OFF >/dev/null
	@cmake --build build-fuzz --target fuzz_json_request
	@mkdir -p build-fuzz/corpus
	@cp tests/fuzz/corpus/* build-fuzz/corpus/ 2>/dev/null || true
	build-fuzz/tests/fuzz/fuzz_json_request -max_total_time=60 -max_len=4096 build-fuzz/corpus

# Benchmarks (not tests): see docs/benchmarks.md.
bench: build
	bench/http.sh
	bench/portal.sh
	$(BUILD_DIR)/bench/identify_bench
	$(BUILD_DIR)/bench/identify_bench --questions
	scripts/setup-r.sh
	BUILD_DIR=$(BUILD_DIR) bench/warn/run.sh
	BUILD_DIR=$(BUILD_DIR) bench/monitor/run.sh

clean:
	rm -rf $(BUILD_DIR) build-fuzz web/dist
