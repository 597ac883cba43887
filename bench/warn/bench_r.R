# R surveillance's side of bench/warn/run.sh: times farrington (algo.farrington through the sts
# wrapper, α 0.05) and farringtonFlexible with the Noufaily settings over every series of the
# file warn_bench wrote, detection only (reading the file and loading the package come first).
# Prints `method series points alarms cpu_seconds wall_seconds` per method, like warn_bench.
#
#   Rscript bench/warn/bench_r.R SERIES.csv FROM TO
suppressMessages(library(surveillance))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: bench_r.R SERIES.csv FROM TO")
counts <- as.matrix(read.csv(args[1])[, -1])
range <- as.integer(args[2]):as.integer(args[3])
series <- sts(observed = t(counts), frequency = 52)  # one column per series

report <- function(name, run) {
  used <- system.time(result <- run())
  cat(sprintf("%s %d %d %d %.4f %.4f\n", name, ncol(series), length(range) * ncol(series),
              sum(alarms(result), na.rm = TRUE), used[["user.self"]] + used[["sys.self"]],
              used[["elapsed"]]))
}

report("farrington", function() farrington(series, control = list(range = range, alpha = 0.05)))
report("noufaily", function() {
  farringtonFlexible(series, control = list(range = range, alpha = 0.05, noPeriods = 10,
                                            pastWeeksNotIncluded = 26, thresholdMethod = "nbPlugin"))
})
