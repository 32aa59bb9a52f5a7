# rspamd.sh - the peer for the benches (sourced): rspamd 3.4 as a milter
# carrying sluis's rules (bench/rspamd-rules), in a private folder, as the
# _rspamd user, on a unix socket.
#
#   rspamd_start WORK SOCKET SMOKE BB   start it; returns once a sensitive
#                                       probe shows our symbols in its log
#                                       (up to 5 minutes); sets RSPAMD_PID.
#                                       SMOKE=1: 50 terms per word list.
#                                       BB: the folder with milterload.
#   rspamd_matched WORK                 how many log lines show our symbols
#   rspamd_tasks WORK                   how many messages it has scanned
# The caller stops RSPAMD_PID (kill -TERM) when done.

RSPAMD_PID=
rspamd_start() {
    rs_work=$1
    rs_sock=$2
    rs_terms=
    [ "$3" -eq 1 ] && rs_terms=--terms=50
    chmod 755 "$rs_work"
    mkdir -p "$rs_work/rspamd"
    # shellcheck disable=SC2086
    bench/rspamd-rules $rs_terms rules "$rs_work/rspamd" "$rs_sock" >"$rs_work/rspamd-rules.out"
    chown -R _rspamd "$rs_work/rspamd"
    rspamd -c "$rs_work/rspamd/rspamd.conf" -f -u _rspamd -g _rspamd >"$rs_work/rspamd/stderr" 2>&1 &
    RSPAMD_PID=$!
    rs_probe=tests/data/corpus/sensitive/ggz-crisis/013-ggz-anorexia-jeugd.eml
    rs_i=0
    until [ -S "$rs_sock" ] &&
        "$4/milterload" --socket "unix:$rs_sock" --conns 1 --per-conn 1 "$rs_probe" >/dev/null 2>&1 &&
        sleep 0.5 && grep -q 'SLUIS_HEALTH_DIAGNOSIS' "$rs_work/rspamd/rspamd.log" 2>/dev/null; do
        rs_i=$((rs_i + 1))
        if [ $rs_i -gt 300 ] || ! kill -0 "$RSPAMD_PID" 2>/dev/null; then
            echo "rspamd did not start scanning with our rules:" >&2
            tail -n 5 "$rs_work/rspamd/stderr" "$rs_work/rspamd/rspamd.log" >&2
            # the caller has no pid to stop on this path: stop it here
            kill -TERM "$RSPAMD_PID" 2>/dev/null || true
            wait "$RSPAMD_PID" 2>/dev/null || true
            return 1
        fi
        sleep 1
    done
    return 0
}

rspamd_matched() {
    grep -c 'SLUIS_' "$1/rspamd/rspamd.log" 2>/dev/null || echo 0
}

rspamd_tasks() { # WORK: how many messages rspamd has scanned
    grep -c 'rspamd_task_write_log' "$1/rspamd/rspamd.log" 2>/dev/null || echo 0
}
