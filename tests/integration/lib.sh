# lib.sh - private Postfix instances and receivers for the end-to-end tests
# (sourced). Everything listens on 127.0.0.1 and lives under one work folder;
# lib_cleanup (call it from an EXIT trap) stops all of it.
#
#   lib_certs WORK                the test certificates of tests/lib/mkcerts in
#                                 WORK/certs (made once): ca.pem, the test root
#                                 CA; receiver.pem/.key, a server certificate it
#                                 signed (receiver.test, IP 127.0.0.1); ...
#   rcv_start WORK NAME [--tls [CERT] | --tls-self]
#                                 a receiver of our own (receiver.py); sets
#                                 RCV_PORT. --tls: it offers STARTTLS with
#                                 WORK/certs/CERT.pem (default receiver), signed
#                                 by the test CA; --tls-self: with a self-signed
#                                 certificate (openssl req -x509, the same names)
#   pf_start WORK MILTER_SOCKET FALLBACK_PORT
#                                 a private Postfix on a free port (sets PF_PORT;
#                                 an empty MILTER_SOCKET: no milter):
#                                 smtpd_milters, milter_default_action=tempfail,
#                                 milter_header_checks as contrib/postfix has them,
#                                 the sluis-tls transport (TLS verified against
#                                 the test CA, WORK/certs/ca.pem) whose partner
#                                 domains, having no DNS here, fall back to
#                                 [127.0.0.1]:FALLBACK_PORT (the certificate must
#                                 name 127.0.0.1); everything else goes to
#                                 RCV_DEFAULT.
#                                 Also the loopback submission service of
#                                 contrib/postfix/master.cf (no milter, the
#                                 route header honoured) on SUBMIT_PORT
#   pf_reload_fallback WORK PORT  point the sluis-tls fallback elsewhere
#   pf_queue WORK                 postqueue -j
#   pf_log WORK                   the instance's log

lib_dir=$(cd "$(dirname "${0}")" && pwd)
LIB_PIDS=""
LIB_PF=""

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

lib_certs() { # WORK
    [ -f "$1/certs/ca.pem" ] || "$lib_dir/../lib/mkcerts" "$1/certs"
}

rcv_start() { # WORK NAME [--tls [CERT] | --tls-self]
    work=$1
    name=$2
    args=""
    case "${3:-}" in
    --tls)
        lib_certs "$work"
        args="--tls $work/certs/${4:-receiver}.pem $work/certs/${4:-receiver}.key"
        ;;
    --tls-self)
        # trusted by nobody, but otherwise as receiver.pem: the same names
        [ -f "$work/self.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/self.key" \
            -out "$work/self.pem" -days 2 -subj "/CN=receiver.test" \
            -addext "subjectAltName = DNS:receiver.test, IP:127.0.0.1" >/dev/null 2>&1
        args="--tls $work/self.pem $work/self.key"
        ;;
    esac
    rm -f "$work/$name.port"
    # shellcheck disable=SC2086
    python3 "$lib_dir/receiver.py" "$work/$name" "$work/$name.port" $args &
    LIB_PIDS="$LIB_PIDS $!"
    i=0
    while [ ! -s "$work/$name.port" ] && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    RCV_PORT=$(cat "$work/$name.port")
}

pf_start() { # WORK MILTER_SOCKET FALLBACK_PORT
    work=$1
    d=$work/pf
    mkdir -p "$d/etc" "$d/spool" "$d/data"
    lib_certs "$work" || return 1
    PF_PORT=$(free_port)
    SUBMIT_PORT=$(free_port)
    cat >"$d/etc/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $d/spool
data_directory = $d/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.zorg-example.nl
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
maillog_file = $d/maillog
maillog_file_prefixes = $d
smtputf8_enable = no
smtpd_milters = ${2:+unix:$2}
milter_default_action = tempfail
milter_protocol = 6
milter_header_checks = regexp:$lib_dir/../../contrib/postfix/sluis_milter_header_checks
transport_maps = texthash:$d/etc/transport
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
smtp_connect_timeout = 5s
CF
    printf '* smtp:[127.0.0.1]:%s\n' "$RCV_DEFAULT" >"$d/etc/transport"
    cat >"$d/etc/master.cf" <<MF
127.0.0.1:$PF_PORT inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
sluis-tls unix  -       -       n       -       -       smtp -o smtp_tls_security_level=verify -o smtp_tls_CAfile=$work/certs/ca.pem -o smtp_fallback_relay=[127.0.0.1]:$3
127.0.0.1:$SUBMIT_PORT inet n - n - - smtpd -o syslog_name=postfix/sluis-submit -o smtpd_milters= -o cleanup_service_name=sluis-cleanup
sluis-cleanup unix n    -       n       -       0       cleanup -o header_checks=regexp:$lib_dir/../../contrib/postfix/sluis_milter_header_checks
MF
    postfix -c "$d/etc" set-permissions >/dev/null 2>&1
    chown postfix "$d/data"
    postfix -c "$d/etc" start >/dev/null 2>&1 || return 1
    LIB_PF="$LIB_PF $d"
    i=0
    while ! python3 -c "import socket; socket.create_connection(('127.0.0.1', $PF_PORT), 1)" 2>/dev/null &&
        [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
}

pf_reload_fallback() { # WORK PORT
    d=$1/pf
    sed -i "s|smtp_fallback_relay=\[127.0.0.1\]:[0-9]*|smtp_fallback_relay=[127.0.0.1]:$2|" "$d/etc/master.cf"
    postfix -c "$d/etc" reload >/dev/null 2>&1
}

pf_queue() { postqueue -c "$1/pf/etc" -j 2>/dev/null; }
pf_log() { cat "$1/pf/maillog" 2>/dev/null; }
pf_flush() { postqueue -c "$1/pf/etc" -f >/dev/null 2>&1; }

lib_cleanup() {
    for d in $LIB_PF; do
        postfix -c "$d/etc" stop >/dev/null 2>&1
        pkill -f "master -c $d/etc" 2>/dev/null
        pkill -f "$d/" 2>/dev/null
    done
    for p in $LIB_PIDS; do
        kill "$p" 2>/dev/null
    done
    LIB_PF=""
    LIB_PIDS=""
    true
}
