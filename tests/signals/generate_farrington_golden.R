# Golden files for the Farrington family and EARS: R surveillance's algo.farrington,
# farringtonFlexible and earsC run on the cases of farrington_cases.csv (series × method × parameters), written to
# farrington_golden.csv; the C++ parity test runs the same cases through signals::Detect.
# The generated series (seeded) are written once to generated_series.csv so both sides read
# the same numbers.
# Usage: Rscript tests/signals/generate_farrington_golden.R <tests/signals dir> <out.csv> [series.csv]
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
out <- args[2]
series_out <- if (length(args) >= 3) args[3] else file.path(dir, "generated_series.csv")

generate <- function() {
  set.seed(20261128)
  t <- 1:364
  pois <- rpois(364, exp(1.5 + 0.5 * sin(2 * pi * t / 52) + 0.002 * t))
  pois[300:305] <- pois[300:305] + c(4, 8, 12, 9, 5, 2)
  nb <- rnbinom(364, size = 2, mu = exp(2 + 0.6 * cos(2 * pi * t / 52)))
  nb[330:334] <- nb[330:334] + c(10, 20, 25, 15, 5)
  sparse <- rpois(364, 0.4)
  sparse[350:352] <- sparse[350:352] + c(3, 5, 4)
  m <- 1:96
  monthly <- rnbinom(96, size = 5, mu = exp(3 + 0.4 * sin(2 * pi * m / 12)))
  monthly[90:91] <- monthly[90:91] + c(30, 40)
  rbind(data.frame(series = "gen_pois", index = t, observed = pois),
        data.frame(series = "gen_nb", index = t, observed = nb),
        data.frame(series = "gen_sparse", index = t, observed = sparse),
        data.frame(series = "gen_monthly", index = m, observed = monthly))
}

generated <- generate()
write.csv(generated, series_out, row.names = FALSE, quote = FALSE)

load_series <- function(name) {
  if (name == "agona") return(read.table(file.path(dir, "salmonella_agona.txt"), header = TRUE)$observed)
  if (name == "newport") return(scan(file.path(dir, "salmnewport_germany.txt"), quiet = TRUE))
  if (startsWith(name, "gen_")) return(generated$observed[generated$series == name])
  if (name == "ucdp_bgd") return(read.csv(file.path(dir, "ucdp_bgd_monthly.csv"))$observed)
  read.table(file.path(dir, "labelled", paste0(name, ".txt")), header = TRUE)$observed
}

parse_params <- function(text) {
  control <- list()
  if (is.na(text) || text == "") return(control)
  for (pair in strsplit(text, ";", fixed = TRUE)[[1]]) {
    kv <- strsplit(pair, "=", fixed = TRUE)[[1]]
    name <- kv[1]; value <- kv[2]
    if (name == "range") {
      ends <- as.integer(strsplit(value, ":", fixed = TRUE)[[1]])
      control$range <- ends[1]:ends[2]
    } else if (name == "limit54") {
      control$limit54 <- as.numeric(strsplit(value, ",", fixed = TRUE)[[1]])
    } else if (toupper(value) %in% c("TRUE", "FALSE")) {
      control[[name]] <- toupper(value) == "TRUE"
    } else if (!is.na(suppressWarnings(as.numeric(value)))) {
      control[[name]] <- as.numeric(value)
    } else {
      control[[name]] <- value
    }
  }
  control
}

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.15g", x))
cases <- read.csv(file.path(dir, "farrington_cases.csv"), colClasses = "character")
rows <- list()
for (i in seq_len(nrow(cases))) {
  case <- cases[i, ]
  y <- load_series(case$series)
  freq <- as.integer(case$frequency)
  control <- parse_params(case$params)
  if (startsWith(case$method, "ears-")) {
    control$method <- toupper(sub("ears-", "", case$method))
    control$surveillance_compat <- NULL  # R's C3 is what the compat flag reproduces
    series <- sts(observed = matrix(y, ncol = 1), frequency = freq, start = c(2000, 1))
    fit <- earsC(series, control = control)
    range <- seq(length(y) - nrow(fit) + 1, length(y))
    upper <- as.vector(upperbound(fit))
    alarm <- as.integer(as.vector(alarms(fit)))
    expected <- rep(NA, length(range))
    score <- rep(NA, length(range))
  } else if (case$method == "farrington") {
    disprog <- create.disProg(week = seq_along(y), observed = y, state = rep(0, length(y)), freq = freq)
    fit <- suppressWarnings(algo.farrington(disprog, control = control))
    range <- if (is.null(control$range)) (freq * ifelse(is.null(control$b), 5, control$b) -
                                          ifelse(is.null(control$w), 3, control$w)):length(y) else control$range
    upper <- as.vector(fit$upperbound)
    alarm <- as.integer(as.vector(fit$alarm))
    expected <- rep(NA, length(range))
    score <- rep(NA, length(range))
  } else {
    if (case$method == "noufaily") {
      defaults <- list(noPeriods = 10, pastWeeksNotIncluded = 26, thresholdMethod = "nbPlugin")
      control <- modifyList(defaults, control)
    }
    series <- sts(observed = matrix(y, ncol = 1), frequency = freq, start = c(2000, 1))
    fit <- suppressWarnings(farringtonFlexible(series, control = control))
    first <- length(y) - nrow(fit) + 1
    if (!is.null(control$range)) first <- min(control$range)
    range <- seq(first, length.out = nrow(fit))
    upper <- as.vector(upperbound(fit))
    alarm <- as.integer(as.vector(alarms(fit)))
    expected <- as.vector(fit@control$expected)
    score <- as.vector(fit@control$score)
  }
  rows[[length(rows) + 1]] <- data.frame(case = case$case, index = range, observed = y[range],
                                         expected = fmt(expected), upper = fmt(upper), alarm = alarm,
                                         score = fmt(score))
}
write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
cat("surveillance", as.character(packageVersion("surveillance")), "\n")
