// Not reported: .mmap explicitly NULL.
// RUN: %expect-exit 0 %mpl %s -- %kflags 2>&1 \
// RUN:   | %FileCheck %s --allow-empty --implicit-check-not=warning: \
// RUN:     --implicit-check-not=note: --implicit-check-not=error:

#include <linux/fs.h>

static const struct file_operations mn_fops = {
	.mmap = NULL,
};
