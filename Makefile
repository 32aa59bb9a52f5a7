# sluis - secure-mail gateway for care organisations.
#
#   make            build bin/sluis and its extraction worker bin/sluis-extract
#   make check      install missing Debian packages, build, run every test
#   make eval       recall/precision of detection on the labelled corpus
#   make bench      every benchmark: bench-scan (MB/s per core), bench-milter (milter protocol),
#                   bench-postfix (through a private Postfix), bench-store (the metrics store),
#                   bench-db (portal puts and events on SQLite and PostgreSQL), bench-ocr
#   make run        the gateway on loopback: a private Postfix delivering into run/mail/,
#                   sluis-milter in it, sluis-portal, sluis-dashboard with a year of
#                   generated history; says where to send mail and how to log in (Ctrl-C stops it)

CC       ?= cc
PKGS     := gmime-3.0 libpcre2-8 libhs libssl libcrypto sqlite3 libpq libcurl
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lresolv -lpthread -lm
# the extraction worker's readers: PDF, zip/gzip, XML, the sandbox
DOC_PKGS := poppler-glib libzip zlib libxml-2.0 libseccomp lept tesseract libheif
DOC_CFLAGS = $(shell pkg-config --cflags $(DOC_PKGS) 2>/dev/null)
DOC_LIBS   = $(shell pkg-config --libs $(DOC_PKGS) 2>/dev/null) -lm
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2
OPT      ?= -O2 -g
RULES_DIR ?= $(CURDIR)/rules
TEMPLATES_DIR ?= $(CURDIR)/policy/templates
DEFS     := -D_GNU_SOURCE -DSLUIS_RULES_DIR='"$(RULES_DIR)"' -DSLUIS_TEMPLATES_DIR='"$(TEMPLATES_DIR)"'
CFLAGS_ALL = $(WARN) $(OPT) $(DEFS) $(PKG_CFLAGS) $(DOC_CFLAGS) $(CFLAGS)
SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# the engine: everything but the programs' main files
ENGINE_SRC := common/buf.c common/conf.c common/dbfile.c common/domains.c common/file.c common/kv.c rules/validate.c rules/fold.c rules/ac.c rules/prefilter.c rules/pack.c rules/model.c \
              rules/detect.c extract/html.c extract/guard.c extract/tocharset.c extract/extract.c extract/header.c scan/scan.c \
              policy/policy.c policy/tags.c policy/decide.c cli/json.c attach/limits.c \
              attach/pool.c portal/store.c policy/notice.c smime/certs.c smime/encrypt.c smime/smime.c \
              route/dns.c route/probe.c route/store.c route/route.c
# the document readers: linked only into the worker (and their tests)
DOC_SRC    := common/buf.c extract/html.c attach/limits.c attach/charset.c attach/doc.c \
              attach/pdf.c attach/archive.c attach/office.c attach/rtf.c attach/ole.c attach/ocr.c
UNIT_TESTS := test_validate test_fold test_ac test_prefilter test_pack test_detect test_html test_extract \
              test_policy test_portal test_notice \
              test_mutate test_model test_smime test_route
DOC_TESTS  := test_rtf test_ole test_docmut
MILTER_TESTS := test_session test_external
# the metrics store (issue 14): events, pseudonyms, the SQLite store, the writer thread
STORE_SRC  := store/sql.c store/event.c store/pseudo.c store/metrics.c store/writer.c
ENGINE_SRC += $(STORE_SRC)
UNIT_TESTS += test_store test_sql
# the figures of the dashboard and `sluis report` (issue 14); the dashboard's
# SVG charts, linked by the dashboard with web/html.c; the generated history
# of make run (build/tools/gen-history, not installed)
FIGURES_SRC := store/figures.c
ENGINE_SRC += $(FIGURES_SRC)
CHART_SRC := dashboard/chart.c
UNIT_TESTS += test_figures test_chart
BUILD    := build
ENGINE_OBJ = $(ENGINE_SRC:%.c=$(BUILD)/%.o)
ASAN_OBJ   = $(ENGINE_SRC:%.c=$(BUILD)/asan/%.o)
DOC_OBJ    = $(DOC_SRC:%.c=$(BUILD)/%.o)
DOC_ASAN_OBJ = $(DOC_SRC:%.c=$(BUILD)/asan/%.o)

.PHONY: all deps browser-deps check test unit unit-asan corpus eval bench bench-scan bench-milter bench-postfix bench-profile bench-store bench-db bench-ocr \
        run format format-check cflags clean install uninstall deb fuzz

all: bin/sluis bin/sluis-extract bin/sluis-milter bin/sluis-portal

# sluis policy check reads sluis-milter.conf too: the milter's config parser
bin/sluis: $(ENGINE_OBJ) $(BUILD)/milter/config.o $(BUILD)/cli/sluis.o
	@mkdir -p bin
	$(CC) $(OPT) -o $@ $^ $(PKG_LIBS) $(LDFLAGS)

MILTER_SRC := common/smtp.c portal/external.c milter/config.c milter/redirect.c milter/log.c milter/spool.c milter/snapshot.c milter/session.c \
              milter/account.c milter/record.c
MILTER_OBJ = $(MILTER_SRC:%.c=$(BUILD)/%.o)
MILTER_ASAN_OBJ = $(MILTER_SRC:%.c=$(BUILD)/asan/%.o)

$(MILTER_TESTS:%=$(BUILD)/tests/%): $(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/server.h \
                                                     $(ENGINE_OBJ) $(MILTER_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(MILTER_OBJ) $(ENGINE_OBJ) $(PKG_LIBS)

$(MILTER_TESTS:%=$(BUILD)/asan/tests/%): $(BUILD)/asan/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/server.h \
                                                           $(ASAN_OBJ) $(MILTER_ASAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) -O1 -o $@ $< $(MILTER_ASAN_OBJ) $(ASAN_OBJ) $(PKG_LIBS)

# the portal's message view, safe HTML, reply builder and one-time code
# senders (GMime, libxml2's HTML parser, libcurl). bin/sluis-portal links
# $(PORTAL_VIEW_OBJ) with the engine and common/smtp.o, and adds
# $(PORTAL_VIEW_LIBS). Their test links only the engine files they use.
PORTAL_VIEW_SRC := portal/safehtml.c portal/mime.c portal/view.c portal/reply.c portal/otp.c
PORTAL_VIEW_LIBS = $(shell pkg-config --libs libxml-2.0 2>/dev/null)
PORTAL_VIEW_OBJ = $(PORTAL_VIEW_SRC:%.c=$(BUILD)/%.o)
VIEW_TEST_SRC := $(PORTAL_VIEW_SRC) common/smtp.c common/buf.c common/file.c extract/html.c \
                 extract/guard.c extract/tocharset.c cli/json.c rules/fold.c
UNIT_TESTS += test_view

$(BUILD)/tests/test_view: tests/unit/test_view.c tests/unit/check.h $(VIEW_TEST_SRC:%.c=$(BUILD)/%.o)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(VIEW_TEST_SRC:%.c=$(BUILD)/%.o) $(PKG_LIBS) $(PORTAL_VIEW_LIBS)

$(BUILD)/asan/tests/test_view: tests/unit/test_view.c tests/unit/check.h \
                               $(VIEW_TEST_SRC:%.c=$(BUILD)/asan/%.o)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) -O1 -o $@ $< $(VIEW_TEST_SRC:%.c=$(BUILD)/asan/%.o) $(PKG_LIBS) \
	    $(PORTAL_VIEW_LIBS)

# -n (milter/check.c) only in the program: it uses the log, which the fuzz
# targets replace
bin/sluis-milter: $(ENGINE_OBJ) $(MILTER_OBJ) $(BUILD)/milter/check.o $(BUILD)/milter/main.o
	@mkdir -p bin
	$(CC) $(OPT) -o $@ $^ $(PKG_LIBS) -lmilter $(LDFLAGS)

$(BUILD)/asan/bin/sluis-milter: $(ASAN_OBJ) $(MILTER_ASAN_OBJ) $(BUILD)/asan/milter/check.o \
                                $(BUILD)/asan/milter/main.o
	@mkdir -p $(dir $@)
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS) -lmilter

bin/sluis-extract: $(DOC_OBJ) $(BUILD)/attach/worker.o
	@mkdir -p bin
	$(CC) $(OPT) -o $@ $^ $(DOC_LIBS) $(LDFLAGS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(BUILD)/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) -O1 -MMD -MP -c -o $@ $<

$(DOC_TESTS:%=$(BUILD)/tests/%): $(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/server.h $(DOC_OBJ) \
                                                   $(BUILD)/common/file.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(DOC_OBJ) $(BUILD)/common/file.o $(DOC_LIBS)

$(DOC_TESTS:%=$(BUILD)/asan/tests/%): $(BUILD)/asan/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/server.h \
                                                             $(DOC_ASAN_OBJ) $(BUILD)/asan/common/file.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) -O1 -o $@ $< $(DOC_ASAN_OBJ) $(BUILD)/asan/common/file.o $(DOC_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/server.h $(ENGINE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(ENGINE_OBJ) $(PKG_LIBS)

$(BUILD)/asan/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/server.h $(ASAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) -O1 -o $@ $< $(ASAN_OBJ) $(PKG_LIBS)

$(BUILD)/asan/bin/sluis: $(ASAN_OBJ) $(BUILD)/asan/milter/config.o $(BUILD)/asan/cli/sluis.o
	@mkdir -p $(dir $@)
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

$(BUILD)/asan/bin/sluis-extract: $(DOC_ASAN_OBJ) $(BUILD)/asan/attach/worker.o
	@mkdir -p $(dir $@)
	$(CC) $(SAN) -o $@ $^ $(DOC_LIBS)

# ---- web/: the HTTP layer of the portal and the dashboard, on libmicrohttpd
# (only its objects and programs link it, not the engine). EMBED turns a folder
# of static files into a C table of struct web_asset: $(call EMBED,FOLDER,URL_PREFIX,SYMBOL)
WEB_PKGS     := libmicrohttpd
WEB_CFLAGS    = $(shell pkg-config --cflags $(WEB_PKGS) 2>/dev/null)
WEB_LIBS      = $(shell pkg-config --libs $(WEB_PKGS) 2>/dev/null)
WEB_SRC      := web/utf8.c web/html.c web/form.c web/http.c
WEB_OBJ       = $(WEB_SRC:%.c=$(BUILD)/%.o)
WEB_ASAN_OBJ  = $(WEB_SRC:%.c=$(BUILD)/asan/%.o)
WEB_TESTS    := test_web
EMBED         = @mkdir -p $(dir $@) && scripts/embed $(1) $(2) $(3) >$@.tmp && mv $@.tmp $@

$(WEB_SRC:%.c=$(BUILD)/%.o) $(WEB_SRC:%.c=$(BUILD)/asan/%.o): CFLAGS_ALL += $(WEB_CFLAGS)

$(BUILD)/gen/test_web_assets.c: scripts/embed tests/unit/data/web/static \
                                $(shell find tests/unit/data/web/static -type f 2>/dev/null)
	$(call EMBED,tests/unit/data/web/static,/static/,test_web_assets)

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CFLAGS_ALL) -I. -c -o $@ $<

$(BUILD)/gen/asan/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) -O1 -I. -c -o $@ $<

# (web/ needs common/buf.o, which a program has in ENGINE_OBJ already)
$(WEB_TESTS:%=$(BUILD)/tests/%): $(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/server.h $(WEB_OBJ) \
                                                   $(BUILD)/common/buf.o $(BUILD)/gen/%_assets.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(WEB_OBJ) $(BUILD)/common/buf.o $(BUILD)/gen/$*_assets.o \
	    $(WEB_LIBS) $(PKG_LIBS)

$(WEB_TESTS:%=$(BUILD)/asan/tests/%): $(BUILD)/asan/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/server.h \
                                                        $(WEB_ASAN_OBJ) $(BUILD)/asan/common/buf.o \
                                                        $(BUILD)/gen/asan/%_assets.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) -O1 -o $@ $< $(WEB_ASAN_OBJ) $(BUILD)/asan/common/buf.o \
	    $(BUILD)/gen/asan/$*_assets.o $(WEB_LIBS) $(PKG_LIBS)
# ---- end of web/

# ---- the dashboard's SVG charts (CHART_SRC, above): their test links only the
# HTML writer and libxml2, which parses the charts back
CHART_TEST_SRC := $(CHART_SRC) web/html.c web/utf8.c common/buf.c
CHART_TEST_LIBS = $(shell pkg-config --libs libxml-2.0 2>/dev/null)

$(BUILD)/tests/test_chart: tests/unit/test_chart.c tests/unit/check.h $(CHART_TEST_SRC:%.c=$(BUILD)/%.o)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(CHART_TEST_SRC:%.c=$(BUILD)/%.o) $(CHART_TEST_LIBS)

$(BUILD)/asan/tests/test_chart: tests/unit/test_chart.c tests/unit/check.h \
                                $(CHART_TEST_SRC:%.c=$(BUILD)/asan/%.o)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) -O1 -o $@ $< $(CHART_TEST_SRC:%.c=$(BUILD)/asan/%.o) $(CHART_TEST_LIBS)
# ---- end of the charts

# ---- sluis report, certs and tls (cli/report.c, certs.c, tls.c, linked into bin/sluis) and the generated
# history of make run (not installed)
CLI_EXTRA := cli/report.c cli/certs.c cli/tls.c cli/conf.c
bin/sluis: $(CLI_EXTRA:%.c=$(BUILD)/%.o)
$(BUILD)/asan/bin/sluis: $(CLI_EXTRA:%.c=$(BUILD)/asan/%.o)
$(BUILD)/install/bin/sluis: $(CLI_EXTRA:%.c=$(BUILD)/install/%.o)
all: $(BUILD)/tools/gen-history

$(BUILD)/tools/gen-history: tools/gen-history.c $(ENGINE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(ENGINE_OBJ) $(PKG_LIBS)

# ---- end of sluis report and the history

# ---- bin/sluis-portal: the pages (portal/ui-*.c), its config and main, on
# web/ and the portal's view, reply and one-time code senders; the style sheet
# and other files of portal/static/ compiled in
PORTAL_SRC := portal/main.c portal/config.c portal/strings.c portal/ui.c portal/ui-verify.c \
              portal/ui-message.c portal/ui-sender.c
PORTAL_LINK_SRC = $(PORTAL_SRC) $(PORTAL_VIEW_SRC) $(WEB_SRC) web/daemon.c common/smtp.c milter/log.c \
                  milter/account.c
PORTAL_LIBS = $(PKG_LIBS) $(WEB_LIBS) $(PORTAL_VIEW_LIBS)
$(PORTAL_SRC:%.c=$(BUILD)/%.o) $(PORTAL_SRC:%.c=$(BUILD)/asan/%.o): CFLAGS_ALL += $(WEB_CFLAGS)

$(BUILD)/gen/portal_assets.c: scripts/embed $(wildcard portal/static/*)
	$(call EMBED,portal/static,/p/static/,portal_assets)

bin/sluis-portal: $(sort $(ENGINE_OBJ) $(PORTAL_LINK_SRC:%.c=$(BUILD)/%.o)) $(BUILD)/gen/portal_assets.o
	@mkdir -p bin
	$(CC) $(OPT) -o $@ $^ $(PORTAL_LIBS) $(LDFLAGS)

$(BUILD)/asan/bin/sluis-portal: $(sort $(ASAN_OBJ) $(PORTAL_LINK_SRC:%.c=$(BUILD)/asan/%.o)) \
                                $(BUILD)/gen/asan/portal_assets.o
	@mkdir -p $(dir $@)
	$(CC) $(SAN) -o $@ $^ $(PORTAL_LIBS)
# ---- end of bin/sluis-portal

# ---- sluis-milter's events (milter/record.c): the shipped list of consumer
# mail domains (rules/lists/consumer-domains.txt, installed with the rules) and the
# store's default, on when installed, off in the checkout (its tests and make
# run name a store of their own)
METRICS_DEFS := -DSLUIS_CONSUMER_DOMAINS='"$(CURDIR)/rules/lists/consumer-domains.txt"'
METRICS_INSTALL_DEFS = -DSLUIS_CONSUMER_DOMAINS='"$(DATADIR)/rules/lists/consumer-domains.txt"' \
                       -DSLUIS_METRICS_STORE='"/var/lib/sluis/metrics/metrics.db"'
DEFS += $(METRICS_DEFS)
# ---- end of sluis-milter's events

$(BUILD)/bench/nullmilter: bench/nullmilter.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< -lmilter -lpthread

$(BUILD)/bench/milterload: bench/milterload.c $(BUILD)/common/file.o $(BUILD)/common/buf.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/common/file.o $(BUILD)/common/buf.o -lpthread

$(BUILD)/bench/smtpsink: bench/smtpsink.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< -lpthread

$(BUILD)/bench/smtpload: bench/smtpload.c $(BUILD)/common/file.o $(BUILD)/common/buf.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/common/file.o $(BUILD)/common/buf.o -lpthread

$(BUILD)/bench/scanbench: bench/scanbench.c $(ENGINE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(ENGINE_OBJ) $(PKG_LIBS)

# make install [PREFIX=/usr/local] [DESTDIR=] [SYSCONFDIR=/etc] [LIBEXECDIR=$(PREFIX)/libexec/sluis]
#              [SYSTEMDUNITDIR=$(PREFIX)/lib/systemd/system]
# make uninstall (with the same variables; keeps sluis-milter.conf and
# sluis-portal.conf), make deb
# (build/sluis_VERSION_ARCH.deb, see scripts/build-deb).
# The installed programs are built apart, in $(BUILD)/install/, with the
# installed paths compiled in: rules, notice templates and the extraction
# worker. bin/ stays the checkout's build, which uses rules/, policy/templates/
# and bin/sluis-extract of this checkout, as the tests need. SYSCONFDIR is
# where sluis/ goes: sluis-milter.conf (read without -c) and portal_key's
# default, SYSCONFDIR/sluis/portal.key, are compiled in from it, in both
# builds, and the shipped files name it.
VERSION    := $(shell cat VERSION)
DEFS       += -DSLUIS_VERSION='"$(VERSION)"'
PREFIX     ?= /usr/local
SYSCONFDIR ?= /etc
DEFS       += -DSLUIS_SYSCONFDIR='"$(SYSCONFDIR)"'
BINDIR     ?= $(PREFIX)/bin
SBINDIR    ?= $(PREFIX)/sbin
LIBEXECDIR ?= $(PREFIX)/libexec/sluis
DATADIR    ?= $(PREFIX)/share/sluis
MANDIR     ?= $(PREFIX)/share/man
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
INSTALL    ?= install
IBUILD     := $(BUILD)/install
INSTALL_DEFS = $(filter-out -DSLUIS_RULES_DIR=% -DSLUIS_TEMPLATES_DIR=% $(METRICS_DEFS),$(DEFS)) $(METRICS_INSTALL_DEFS) \
               -DSLUIS_RULES_DIR='"$(DATADIR)/rules"' -DSLUIS_TEMPLATES_DIR='"$(DATADIR)/templates"' \
               -DSLUIS_EXTRACT_PATH='"$(LIBEXECDIR)/sluis-extract"'
INSTALL_CFLAGS = $(WARN) $(OPT) $(INSTALL_DEFS) $(PKG_CFLAGS) $(DOC_CFLAGS) $(CPPFLAGS) $(CFLAGS)
# the shipped files name the default paths; these sed expressions put in the chosen ones
INSTALL_PATHS = -e 's|/usr/local/sbin/|$(SBINDIR)/|g' -e 's|/usr/local/bin/|$(BINDIR)/|g' \
                -e 's|/usr/local/share/sluis/|$(DATADIR)/|g' -e 's|/usr/local/libexec/sluis/|$(LIBEXECDIR)/|g' \
                -e 's|/etc/sluis/|$(SYSCONFDIR)/sluis/|g'
INSTALL_UNITS := sluis-milter.service sluis-portal.service sluis-portal-expire.service \
                 sluis-portal-expire.timer
INSTALL_CONFS := sluis-milter.conf sluis-portal.conf
INSTALL_POSTFIX := README.md main.cf master.cf sluis_milter_header_checks

# the compiler and linker flags of the installed programs, rewritten only when
# they change: a new PREFIX, or make deb's flags, rebuilds them
$(IBUILD)/flags: FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(subst ','\'',$(INSTALL_CFLAGS) | $(LDFLAGS))' >$@.new
	@cmp -s $@.new $@ || mv $@.new $@; rm -f $@.new

FORCE:

$(IBUILD)/%.o: %.c $(IBUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(INSTALL_CFLAGS) -MMD -MP -c -o $@ $<

$(IBUILD)/bin/sluis: $(ENGINE_SRC:%.c=$(IBUILD)/%.o) $(IBUILD)/milter/config.o $(IBUILD)/cli/sluis.o
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -o $@ $^ $(PKG_LIBS) $(LDFLAGS)

$(IBUILD)/bin/sluis-milter: $(ENGINE_SRC:%.c=$(IBUILD)/%.o) $(MILTER_SRC:%.c=$(IBUILD)/%.o) \
                            $(IBUILD)/milter/check.o $(IBUILD)/milter/main.o
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -o $@ $^ $(PKG_LIBS) -lmilter $(LDFLAGS)

$(IBUILD)/bin/sluis-extract: $(DOC_SRC:%.c=$(IBUILD)/%.o) $(IBUILD)/attach/worker.o
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -o $@ $^ $(DOC_LIBS) $(LDFLAGS)

# the installed sluis-portal: the files of bin/sluis-portal (PORTAL_LINK_SRC,
# PORTAL_LIBS and the compiled-in portal/static/ of its block), built with the
# installed paths like the others
PORTAL_INSTALL_ASSETS = $(IBUILD)/gen/portal_assets.o
$(PORTAL_LINK_SRC:%.c=$(IBUILD)/%.o): INSTALL_CFLAGS += $(WEB_CFLAGS)

$(IBUILD)/gen/portal_assets.o: $(BUILD)/gen/portal_assets.c $(IBUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(INSTALL_CFLAGS) -I. -c -o $@ $<

$(IBUILD)/bin/sluis-portal: $(sort $(ENGINE_SRC:%.c=$(IBUILD)/%.o) $(PORTAL_LINK_SRC:%.c=$(IBUILD)/%.o)) \
                            $(PORTAL_INSTALL_ASSETS)
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -o $@ $^ $(PORTAL_LIBS) $(LDFLAGS)

# directories get 0755 whatever the umask: the milter runs as its own user
install: $(IBUILD)/bin/sluis $(IBUILD)/bin/sluis-milter $(IBUILD)/bin/sluis-extract \
         $(IBUILD)/bin/sluis-portal
	$(INSTALL) -d -m 0755 $(DESTDIR)$(BINDIR) $(DESTDIR)$(SBINDIR) $(DESTDIR)$(LIBEXECDIR) \
	    $(DESTDIR)$(DATADIR) $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DATADIR)/templates \
	    $(DESTDIR)$(DATADIR)/postfix $(DESTDIR)$(DATADIR)/nginx $(DESTDIR)$(DATADIR)/postgresql \
	    $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(SYSCONFDIR)/sluis \
	    $(DESTDIR)$(SYSTEMDUNITDIR)
	$(INSTALL) -m 0755 $(IBUILD)/bin/sluis $(DESTDIR)$(BINDIR)/sluis
	$(INSTALL) -m 0755 $(IBUILD)/bin/sluis-milter $(DESTDIR)$(SBINDIR)/sluis-milter
	$(INSTALL) -m 0755 $(IBUILD)/bin/sluis-portal $(DESTDIR)$(SBINDIR)/sluis-portal
	$(INSTALL) -m 0755 $(IBUILD)/bin/sluis-extract $(DESTDIR)$(LIBEXECDIR)/sluis-extract
	@set -e; for src in rules policy/templates; do \
	    case $$src in rules) to=$(DESTDIR)$(DATADIR)/rules ;; *) to=$(DESTDIR)$(DATADIR)/templates ;; esac; \
	    for d in $$(cd $$src && find . -type d ! -name '.*' | sort); do $(INSTALL) -d -m 0755 "$$to/$$d"; done; \
	    for f in $$(cd $$src && find . -type f ! -name '*.[chod]' ! -name '.*' | sort); do \
	        $(INSTALL) -m 0644 "$$src/$$f" "$$to/$$f"; done; \
	    echo "installed $$src/ in $$to"; done
	$(INSTALL) -m 0644 $(INSTALL_POSTFIX:%=contrib/postfix/%) $(DESTDIR)$(DATADIR)/postfix/
	@sed $(INSTALL_PATHS) contrib/nginx/sluis-portal.conf >$(IBUILD)/nginx-sluis-portal.conf
	$(INSTALL) -m 0644 $(IBUILD)/nginx-sluis-portal.conf $(DESTDIR)$(DATADIR)/nginx/sluis-portal.conf
	$(INSTALL) -m 0644 contrib/postgresql/sluis.sql $(DESTDIR)$(DATADIR)/postgresql/sluis.sql
	@set -e; for m in $(notdir $(wildcard man/*.[158])); do \
	    sed $(INSTALL_PATHS) man/$$m >$(IBUILD)/$$m; \
	    $(INSTALL) -m 0644 $(IBUILD)/$$m $(DESTDIR)$(MANDIR)/man$${m##*.}/$$m; done
	@set -e; for u in $(INSTALL_UNITS); do \
	    sed $(INSTALL_PATHS) contrib/systemd/$$u >$(IBUILD)/$$u; \
	    $(INSTALL) -m 0644 $(IBUILD)/$$u $(DESTDIR)$(SYSTEMDUNITDIR)/$$u; done
	@set -e; for c in $(INSTALL_CONFS); do \
	    sed $(INSTALL_PATHS) contrib/$$c >$(IBUILD)/$$c; \
	    conf=$(DESTDIR)$(SYSCONFDIR)/sluis/$$c; \
	    if [ -e "$$conf" ]; then \
	        echo "$$conf exists and stays as it is; the annotated defaults are in $$conf.sample"; \
	        conf=$$conf.sample; fi; \
	    $(INSTALL) -m 0644 $(IBUILD)/$$c "$$conf"; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sluis $(DESTDIR)$(SBINDIR)/sluis-milter $(DESTDIR)$(SBINDIR)/sluis-portal \
	    $(DESTDIR)$(LIBEXECDIR)/sluis-extract $(INSTALL_CONFS:%=$(DESTDIR)$(SYSCONFDIR)/sluis/%.sample) \
	    $(INSTALL_UNITS:%=$(DESTDIR)$(SYSTEMDUNITDIR)/%) \
	    $(foreach m,$(notdir $(wildcard man/*.[158])),$(DESTDIR)$(MANDIR)/man$(subst .,,$(suffix $(m)))/$(m))
	rm -rf $(DESTDIR)$(DATADIR)
	rmdir $(DESTDIR)$(LIBEXECDIR) 2>/dev/null || true
	@echo "kept $(DESTDIR)$(SYSCONFDIR)/sluis (the configuration, the portal key) and /var/lib/sluis"

deb:
	@MAKE="$(MAKE)" scripts/build-deb $(BUILD)

# ---- bin/sluis-dashboard: the pages (dashboard/ui-*.c), the app with its route
# table, users and sessions (libargon2), dashboard.db, on web/, the charts
# (CHART_SRC) and the engine (the store and its figures); dashboard/static/
# compiled in.
# bin/sluis gets the user and action commands (DASH_CLI_SRC). Installed like
# sluis-portal: the unit, the config, the man page (man/*.8 is installed as a
# whole).
DASH_SRC := dashboard/app.c dashboard/config.c dashboard/db.c dashboard/auth.c dashboard/ui.c \
            dashboard/ui-login.c dashboard/ui-month.c dashboard/ui-actions.c \
            dashboard/ui-audit.c dashboard/ui-fp.c
DASH_LINK_SRC = $(DASH_SRC) $(CHART_SRC) $(WEB_SRC) web/daemon.c milter/log.c milter/account.c
DASH_LIBS = $(PKG_LIBS) $(WEB_LIBS) -largon2
DASH_CLI_SRC := dashboard/cli.c dashboard/db.c dashboard/auth.c
DASH_TESTS := test_dashboard
$(foreach d,$(BUILD) $(BUILD)/asan $(IBUILD),$(DASH_SRC:%.c=$(d)/%.o) $(d)/dashboard/main.o): \
    CFLAGS_ALL += $(WEB_CFLAGS)
$(DASH_LINK_SRC:%.c=$(IBUILD)/%.o) $(IBUILD)/dashboard/main.o: INSTALL_CFLAGS += $(WEB_CFLAGS)

all: bin/sluis-dashboard

$(BUILD)/gen/dashboard_assets.c: scripts/embed $(wildcard dashboard/static/*)
	$(call EMBED,dashboard/static,/static/,dashboard_assets)

bin/sluis-dashboard: $(sort $(ENGINE_OBJ) $(DASH_LINK_SRC:%.c=$(BUILD)/%.o)) \
                     $(BUILD)/dashboard/main.o $(BUILD)/gen/dashboard_assets.o
	@mkdir -p bin
	$(CC) $(OPT) -o $@ $^ $(DASH_LIBS) $(LDFLAGS)

bin/sluis: $(DASH_CLI_SRC:%.c=$(BUILD)/%.o)
bin/sluis: PKG_LIBS += -largon2
$(BUILD)/asan/bin/sluis: $(DASH_CLI_SRC:%.c=$(BUILD)/asan/%.o)
$(BUILD)/asan/bin/sluis: PKG_LIBS += -largon2
$(IBUILD)/bin/sluis: $(DASH_CLI_SRC:%.c=$(IBUILD)/%.o)
$(IBUILD)/bin/sluis: PKG_LIBS += -largon2

$(DASH_TESTS:%=$(BUILD)/tests/%): $(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h \
                                   $(sort $(ENGINE_OBJ) $(DASH_LINK_SRC:%.c=$(BUILD)/%.o)) \
                                   $(BUILD)/gen/dashboard_assets.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(WEB_CFLAGS) -o $@ $< $(sort $(ENGINE_OBJ) $(DASH_LINK_SRC:%.c=$(BUILD)/%.o)) \
	    $(BUILD)/gen/dashboard_assets.o $(DASH_LIBS)

$(DASH_TESTS:%=$(BUILD)/asan/tests/%): $(BUILD)/asan/tests/%: tests/unit/%.c tests/unit/check.h \
                                        $(sort $(ASAN_OBJ) $(DASH_LINK_SRC:%.c=$(BUILD)/asan/%.o)) \
                                        $(BUILD)/gen/asan/dashboard_assets.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(WEB_CFLAGS) $(SAN) -O1 -o $@ $< \
	    $(sort $(ASAN_OBJ) $(DASH_LINK_SRC:%.c=$(BUILD)/asan/%.o)) \
	    $(BUILD)/gen/asan/dashboard_assets.o $(DASH_LIBS)

$(IBUILD)/gen/dashboard_assets.o: $(BUILD)/gen/dashboard_assets.c $(IBUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(INSTALL_CFLAGS) -I. -c -o $@ $<

$(IBUILD)/bin/sluis-dashboard: $(sort $(ENGINE_SRC:%.c=$(IBUILD)/%.o) $(DASH_LINK_SRC:%.c=$(IBUILD)/%.o)) \
                               $(IBUILD)/dashboard/main.o $(IBUILD)/gen/dashboard_assets.o
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -o $@ $^ $(DASH_LIBS) $(LDFLAGS)

INSTALL_UNITS += sluis-dashboard.service
INSTALL_CONFS += sluis-dashboard.conf
install: install-dashboard
install-dashboard: $(IBUILD)/bin/sluis-dashboard
	$(INSTALL) -d -m 0755 $(DESTDIR)$(SBINDIR)
	$(INSTALL) -m 0755 $(IBUILD)/bin/sluis-dashboard $(DESTDIR)$(SBINDIR)/sluis-dashboard
uninstall: uninstall-dashboard
uninstall-dashboard:
	rm -f $(DESTDIR)$(SBINDIR)/sluis-dashboard
.PHONY: install-dashboard uninstall-dashboard
# ---- end of bin/sluis-dashboard

deps:
	@scripts/install-deps

# the browser tests' node modules (tests/browser/node_modules/), when missing
browser-deps: deps
	@scripts/install-browser-deps

# make check: packages, build, every suite; ends with "N passed, N failed"
check: deps browser-deps
	@$(MAKE) --no-print-directory all $(UNIT_TESTS:%=$(BUILD)/tests/%) \
	    $(UNIT_TESTS:%=$(BUILD)/asan/tests/%) $(DOC_TESTS:%=$(BUILD)/tests/%) \
	    $(DOC_TESTS:%=$(BUILD)/asan/tests/%) $(MILTER_TESTS:%=$(BUILD)/tests/%) \
	    $(MILTER_TESTS:%=$(BUILD)/asan/tests/%) $(BUILD)/asan/bin/sluis \
	    $(BUILD)/asan/bin/sluis-extract $(BUILD)/asan/bin/sluis-milter $(BUILD)/bench/scanbench \
	    $(BUILD)/bench/nullmilter $(BUILD)/bench/milterload $(BUILD)/bench/smtpload \
	    $(BUILD)/bench/smtpsink $(BUILD)/bench/storebench $(BUILD)/bench/dbbench $(FUZZ_BINS)
	@$(MAKE) --no-print-directory $(WEB_TESTS:%=$(BUILD)/tests/%) $(WEB_TESTS:%=$(BUILD)/asan/tests/%)
	@$(MAKE) --no-print-directory $(DASH_TESTS:%=$(BUILD)/tests/%) $(DASH_TESTS:%=$(BUILD)/asan/tests/%)
	@tests/run-all $(BUILD)

test: check

eval: all
	@tests/eval bin/sluis tests/data/corpus tests/data/holdout -- tests/data/attach \
	    tests/data/attach-holdout --voices tests/data/voices
	@tests/ocr/corpus-check bin/sluis

# ---- make model: fit the statistical layer (rules/model.h) with scripts/train-model
# and write rules/model/sluis.model. C and the threshold are chosen on
# cross-validation that leaves whole writers of tests/data/voices out: those
# written to the plain brief (part "train" in SPLITS), whose mail is like what
# the test writers write. The templated corpus, the attachments and the writers
# asked to weigh hard kinds (part "train-extra") are in every fold's training.
# Never the held-out sets or the test writers: they measure generalisation.
voices_part    = $(addprefix tests/data/voices/,$(shell awk '$$2 == "$(1)" {print $$1}' tests/data/voices/SPLITS))
MODEL_TRAIN   := tests/data/corpus tests/data/attach $(call voices_part,train-extra)
MODEL_WRITERS := $(call voices_part,train)
model: all
	@scripts/train-model --train $(MODEL_TRAIN) --writers $(MODEL_WRITERS)
.PHONY: model
# ---- end of make model

bench-scan: all $(BUILD)/bench/scanbench
	@bench/scan-bench bin/sluis $(BUILD)/bench/scanbench

# make bench: every benchmark, figures printed and written to bench/results/
bench: bench-scan bench-milter bench-postfix bench-store bench-db bench-ocr

# OCR: a logo, a one-page and a five-page scan against text mail, OCR on and off
bench-ocr: all
	@bench/ocr-bench bin/sluis

# the metrics store: events/s through the writer into SQLite on disk, writer_push's cost
bench-store: $(BUILD)/bench/storebench
	@bench/store-bench $(BUILD)/bench/storebench

# the stores on SQLite and on PostgreSQL, in the same run: events and portal puts per second
bench-db: $(BUILD)/bench/dbbench
	@bench/db-bench $(BUILD)/bench/dbbench

$(BUILD)/bench/dbbench: bench/dbbench.c $(ENGINE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(ENGINE_OBJ) $(PKG_LIBS)

$(BUILD)/bench/storebench: bench/storebench.c $(ENGINE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(ENGINE_OBJ) $(PKG_LIBS)

bench-milter: all $(BUILD)/bench/nullmilter $(BUILD)/bench/milterload $(BUILD)/bench/smtpsink
	@bench/milter-bench bin $(BUILD)/bench

# make bench-profile: where sluis-milter's time goes (perf; not part of make bench)
bench-profile: all $(BUILD)/bench/milterload
	@bench/profile bin $(BUILD)/bench

bench-postfix: all $(BUILD)/bench/nullmilter $(BUILD)/bench/smtpload
	@bench/postfix-bench bin $(BUILD)/bench

# make run: the gateway on loopback with the embedded defaults, until Ctrl-C
# (scripts/run says how): a private Postfix on 127.0.0.1:RUN_PORT that
# delivers every mail into run/mail/, sluis-milter in it writing the metrics
# store run/metrics.db, sluis-portal on 127.0.0.1:RUN_PORTAL_PORT and
# sluis-dashboard on 127.0.0.1:RUN_DASHBOARD_PORT, the store filled once with
# a year of generated history (build/tools/gen-history) and an action. It
# prints where to send mail, where it lands, the portal's and the
# dashboard's URLs, a login (run/dashboard.login) and a command that sends a
# sample (tests/make-run runs it).
RUN_PORT ?= 2525
RUN_PORTAL_PORT ?= 8080
RUN_DASHBOARD_PORT ?= 8081
run: deps
	@$(MAKE) --no-print-directory all bin/sluis-portal bin/sluis-dashboard $(BUILD)/tools/gen-history
	@RUN_PORT="$(RUN_PORT)" RUN_PORTAL_PORT="$(RUN_PORTAL_PORT)" RUN_DASHBOARD_PORT="$(RUN_DASHBOARD_PORT)" \
		exec scripts/run

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

format-check:
	@clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h')

# the compiler flags of every object, for tests/static-analysis
cflags:
	@echo $(CFLAGS_ALL)

clean:
	rm -rf $(BUILD) bin

include tests/fuzz/fuzz.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
