"""What the specs share: days, small data sets, window steps, fuzzing bounds, and the real
data of `../shared/data` (skipped with a reason when absent). Helpers, not tests: no test
module imports another."""
