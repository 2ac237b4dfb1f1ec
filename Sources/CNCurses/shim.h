#ifndef SLATE_CNCURSES_SHIM_H
#define SLATE_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <string.h>
#include <langinfo.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <ncurses.h>
#include <term.h>

/* Swift 6 cannot see these macros and globals; small functions expose them. */
static inline WINDOW *slate_stdscr(void) { return stdscr; }
static inline int slate_lines(void) { return LINES; }
static inline int slate_cols(void) { return COLS; }
static inline int slate_colors(void) { return COLORS; }
static inline int slate_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t slate_a_bold(void) { return A_BOLD; }
static inline attr_t slate_a_reverse(void) { return A_REVERSE; }
static inline attr_t slate_a_underline(void) { return A_UNDERLINE; }
static inline attr_t slate_a_dim(void) { return A_DIM; }
static inline attr_t slate_a_normal(void) { return A_NORMAL; }
static inline attr_t slate_color_pair(int n) { return COLOR_PAIR(n); }
static inline FILE *slate_stdin(void) { return stdin; }
static inline FILE *slate_stdout(void) { return stdout; }

/* Does the terminal (already set up by newterm) address the cursor? */
static inline int slate_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* The locale's character set is UTF-8. */
static inline int slate_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* Signals that end the program set a flag the event loop checks, so the terminal is
   always restored by ordinary code rather than inside a handler. */
static volatile sig_atomic_t slate_signal_number = 0;
static inline void slate_on_signal(int sig) { slate_signal_number = sig; }
static inline void slate_install_signal_handlers(void) {
    signal(SIGINT, slate_on_signal);
    signal(SIGTERM, slate_on_signal);
    signal(SIGHUP, slate_on_signal);
    /* A parent may have started us with these blocked; resizes and endings must arrive. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGWINCH);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}
static inline int slate_pending_signal(void) { return slate_signal_number; }

#endif
