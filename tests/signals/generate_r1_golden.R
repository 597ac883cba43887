# Reference R1 (shared/reference/early-warning.md §3.7): R surveillance's salmNewport data summed
# over its 16 units, and earsC C1 (alpha 0.05, baseline 7) over ISO-year 2011 (weeks 366-417).
# Writes the weekly totals and the golden upper bounds used by tests/signals.
# Usage: Rscript tests/signals/generate_r1_golden.R <series.txt> <golden.csv>
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
data("salmNewport")
germany <- aggregate(salmNewport, by = "unit")
in2011 <- which(isoWeekYear(epoch(salmNewport))$ISOYear == 2011)
writeLines(as.character(as.vector(observed(germany))), args[1])
fit <- earsC(germany, control = list(range = in2011, method = "C1", alpha = 0.05))
write.csv(data.frame(index = in2011, upper = sprintf("%.12g", as.vector(upperbound(fit))),
                     alarm = as.integer(as.vector(alarms(fit)))),
          args[2], row.names = FALSE, quote = FALSE)
