# tests/fuzz/fuzz.mk - libFuzzer targets, included by the Makefile.
#
#   make fuzz          build every target, run each for FUZZ_SECONDS (default 300) over its
#                      corpus in build/fuzz/corpus/TARGET (kept between runs, grown from the
#                      seeds and dictionaries tests/fuzz/seeds builds); a summary on stdout and in
#                      build/fuzz/summary.txt; crashes in build/fuzz/crashes/TARGET/
#   make fuzz-build    build the targets only (make check does, for tests/fuzz/run-smoke)
#
#   make fuzz FUZZ_SECONDS=3600 FUZZ_TARGETS='rtf ole'    longer, some targets only
#
# The targets are built with clang, libFuzzer, ASan and UBSan, from objects of their own in
# build/fuzz/obj (never mixed with gcc's in build/): -fsanitize=fuzzer-no-link for the
# code under test, -fsanitize=fuzzer only where a target is linked.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 300
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(WARN) -O1 -g $(DEFS) $(PKG_CFLAGS) $(DOC_CFLAGS) $(FUZZ_SAN) \
                -fsanitize=fuzzer-no-link

# by what they link: the engine (GMime, PCRE2, ...), the document readers (poppler, libzip,
# libxml2), the milter's configuration and its sessions (with the engine)
FUZZ_ENGINE  := message detect ac pack kv policy tags notice
FUZZ_DOC     := ole rtf pdf office archive image
FUZZ_MILTER  := config session
FUZZ_ALL     := $(FUZZ_ENGINE) $(FUZZ_DOC) $(FUZZ_MILTER)
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_BINS     = $(FUZZ_ALL:%=$(FUZZ_DIR)/fuzz_%)

FUZZ_HELPER     = $(FUZZ_DIR)/obj/tests/fuzz/fuzz.o $(FUZZ_DIR)/obj/attach/charset.o
FUZZ_ENGINE_OBJ = $(ENGINE_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_DOC_OBJ    = $(DOC_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
# the session target brings its own quiet log_msg() instead of milter/log.c
FUZZ_MILTER_OBJ = $(filter-out $(FUZZ_DIR)/obj/milter/log.o,$(MILTER_SRC:%.c=$(FUZZ_DIR)/obj/%.o))

.PHONY: fuzz-build

fuzz-build: $(FUZZ_BINS)

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

$(FUZZ_ENGINE:%=$(FUZZ_DIR)/fuzz_%): $(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/tests/fuzz/fuzz_%.o \
                                                          $(FUZZ_HELPER) $(FUZZ_ENGINE_OBJ)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

$(FUZZ_DOC:%=$(FUZZ_DIR)/fuzz_%): $(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/tests/fuzz/fuzz_%.o \
                                                       $(FUZZ_HELPER) \
                                                       $(filter-out $(FUZZ_HELPER),$(FUZZ_DOC_OBJ))
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(DOC_LIBS)

$(FUZZ_DIR)/fuzz_config: $(FUZZ_DIR)/obj/tests/fuzz/fuzz_config.o $(FUZZ_HELPER) \
                         $(FUZZ_DIR)/obj/milter/config.o $(FUZZ_ENGINE_OBJ)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

$(FUZZ_DIR)/fuzz_session: $(FUZZ_DIR)/obj/tests/fuzz/fuzz_session.o $(FUZZ_HELPER) \
                          $(FUZZ_MILTER_OBJ) $(FUZZ_ENGINE_OBJ)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

fuzz: $(FUZZ_BINS)
	@tests/fuzz/campaign $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)
