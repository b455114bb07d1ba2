# shellcheck shell=bash
# tap.sh: the TAP lines of the shell test scripts (sourced by tests/reliability's
# rel-common.sh and lib-faults.sh; the C programs have tap.h).  NT counts the results,
# NPASS and NFAIL those that passed and failed.
NT=0
NPASS=0
NFAIL=0

# tap OK DESC: one TAP line; OK is 1 (pass) or 0.
tap() {
	NT=$(( NT + 1 ))
	if [ "$1" = 1 ]; then
		NPASS=$(( NPASS + 1 ))
		printf 'ok %d - %s\n' "$NT" "$2"
	else
		NFAIL=$(( NFAIL + 1 ))
		printf 'not ok %d - %s\n' "$NT" "$2"
	fi
}

# diag MSG...: a TAP diagnostic line.
diag() { printf '# %s\n' "$*"; }
