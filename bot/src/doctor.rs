//! `vores doctor`'s vocabulary: one check of the setup (its name, how it
//! went, what was found and, when something is wrong, what the operator
//! should do). Adapters check their platforms and return these; the binary
//! checks the config and the database, prints the list and decides the exit
//! code. Nothing here does I/O.

/// How one check went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// As it should be.
    Ok,
    /// Vores runs, but something works less well than it could (a resident
    /// or an admin may notice).
    Warning,
    /// Vores cannot do its job until this is fixed: `vores doctor` exits
    /// non-zero.
    Problem,
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What was checked, e.g. "Telegram: rights in Torvet (-100101)".
    pub name: String,
    pub outcome: Outcome,
    /// What was found, in plain words. Never a secret.
    pub detail: String,
    /// What the operator should do; set for every warning and problem.
    pub fix: Option<String>,
}

impl Check {
    pub fn ok(name: impl Into<String>, detail: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            outcome: Outcome::Ok,
            detail: detail.into(),
            fix: None,
        }
    }

    pub fn warning(
        name: impl Into<String>,
        detail: impl Into<String>,
        fix: impl Into<String>,
    ) -> Check {
        Check {
            name: name.into(),
            outcome: Outcome::Warning,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }

    pub fn problem(
        name: impl Into<String>,
        detail: impl Into<String>,
        fix: impl Into<String>,
    ) -> Check {
        Check {
            name: name.into(),
            outcome: Outcome::Problem,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }

    pub fn is_problem(&self) -> bool {
        self.outcome == Outcome::Problem
    }
}

/// How many checks found something that blocks, and how many only warn.
pub fn tally(checks: &[Check]) -> (usize, usize) {
    let count = |o: Outcome| checks.iter().filter(|c| c.outcome == o).count();
    (count(Outcome::Problem), count(Outcome::Warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_warning_and_problem_says_what_to_do() {
        let checks = [
            Check::ok("a", "fine"),
            Check::warning("b", "meh", "do this"),
            Check::problem("c", "broken", "do that"),
        ];
        assert_eq!(tally(&checks), (1, 1));
        assert!(
            checks
                .iter()
                .all(|c| c.outcome == Outcome::Ok || c.fix.is_some())
        );
        assert!(checks[2].is_problem() && !checks[1].is_problem());
    }
}
