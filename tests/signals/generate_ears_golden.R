# Writes the EARS golden file used by tests/signals: R surveillance's earsC on the bundled
# salmonella.agona series (shared/data/warning/), for C1, C2 and C3 at two alpha levels.
# Usage: Rscript tests/signals/generate_ears_golden.R <salmonella.agona.txt> <out.csv>
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
data <- read.table(args[1], header = TRUE)
series <- sts(observed = matrix(data$observed, ncol = 1), start = c(1990, 1), frequency = 52)
rows <- list()
for (method in c("C1", "C2", "C3")) {
  for (alpha in c(0.001, 0.05)) {
    fit <- earsC(series, control = list(method = method, alpha = alpha, baseline = 7))
    first <- nrow(series) - nrow(fit) + 1
    rows[[length(rows) + 1]] <- data.frame(
      method = method, alpha = alpha, index = seq(first, nrow(series)),
      observed = as.vector(observed(fit)), upper = sprintf("%.12g", as.vector(upperbound(fit))),
      alarm = as.integer(as.vector(alarms(fit))))
  }
}
write.csv(do.call(rbind, rows), args[2], row.names = FALSE, quote = FALSE)
cat("surveillance", as.character(packageVersion("surveillance")), "\n")
