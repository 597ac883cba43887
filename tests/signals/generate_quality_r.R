# Runs R surveillance on the evaluation protocol of the surveillance vignette (14 labelled
# SurvStat@RKI series, cyclic enlargement, alpha = 0.05, detection-delay penalty 20) and writes the
# pooled algo.summary rows, one per detector, as CSV. quality_eval prints Vigil's rows beside these.
#
#   Rscript tests/signals/generate_quality_r.R tests/signals/labelled OUT.csv
#
# The labelled files hold four 53-row years; rows 53, 106 and 159 are empty week-53 placeholders
# that the package's own data objects (data(k1) etc.) do not have. Dropping them gives exactly
# those 209-week objects, which is what the vignette evaluated.
suppressMessages(library(surveillance))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: generate_quality_r.R LABELLED_DIR OUT.csv")
dir <- args[1]
out <- args[2]

names <- c("m1", "m2", "m3", "m4", "m5", "q1_nrwh", "q2", "s1", "s2", "s3", "k1", "n1", "n2",
           "h1_nrwrp")
padding <- c(53, 106, 159)

read_series <- function(name) {
  d <- read.table(file.path(dir, paste0(name, ".txt")), header = TRUE)
  d <- d[!(d$week %in% padding), ]
  create.disProg(week = seq_len(nrow(d)), observed = d$observed, state = d$state, freq = 52)
}

# The vignette's auxiliary function: prepend `times` copies of observed[range].
enlarge <- function(dp, range, times) {
  dp$observed <- c(rep(dp$observed[range], times), dp$observed)
  dp$state <- c(rep(dp$state[range], times), dp$state)
  dp
}

series <- lapply(names, function(n) enlarge(read_series(n), 1:(4 * 52), 2))
range <- (2 * 4 * 52) + 1:209

# The vignette's eight detectors (disProg interface, algo.call).
control <- list(
  list(funcName = "rki1"), list(funcName = "rki2"), list(funcName = "rki3"),
  list(funcName = "bayes1"), list(funcName = "bayes2"), list(funcName = "bayes3"),
  list(funcName = "cdc", alpha = 0.05), list(funcName = "farrington", alpha = 0.05))
control <- lapply(control, function(ctrl) { ctrl$range <- range; ctrl })
vignette <- algo.summary(lapply(series, function(s) algo.compare(algo.call(s, control = control))))
labels <- c("rki(6,6,0)", "rki(6,6,1)", "rki(4,0,2)", "bayes(6,6,0)", "bayes(6,6,1)",
            "bayes(4,0,2)", "cdc(4*,0,5)", "farrington")

# Vigil's other detectors, run through their sts interfaces on the same range.
sts_quality <- function(run) {
  per <- lapply(series, function(s) {
    st <- sts(observed = s$observed, state = s$state, frequency = 52)
    res <- run(st)
    q <- algo.quality(res)
    matrix(unlist(q), nrow = 1, dimnames = list(NULL, names(q)))
  })
  algo.summary(per)
}
ears <- function(m) function(st) earsC(st, control = list(range = range, method = m, alpha = 0.05))
flex <- function(extra) function(st) {
  farringtonFlexible(st, control = c(list(range = range, alpha = 0.05), extra))
}
others <- list(
  "ears-c1" = ears("C1"), "ears-c2" = ears("C2"), "ears-c3-r" = ears("C3"),
  "flexible" = flex(list()),
  "noufaily" = flex(list(noPeriods = 10, pastWeeksNotIncluded = 26, thresholdMethod = "nbPlugin")),
  "noufaily-muan" = flex(list(noPeriods = 10, pastWeeksNotIncluded = 26, thresholdMethod = "muan")))
other_rows <- do.call(rbind, lapply(others, sts_quality))

table <- rbind(vignette, other_rows)
rownames(table) <- c(labels, names(others))
write.csv(data.frame(detector = rownames(table),
                     TP = table[, 1], FP = table[, 2], TN = table[, 3], FN = table[, 4],
                     sens = round(table[, 5], 6), spec = round(table[, 6], 6),
                     dist = round(table[, 7], 6), mlag = round(table[, 8], 6)),
          out, row.names = FALSE, quote = 1)
