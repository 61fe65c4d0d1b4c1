// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
#include "brk.h"

const struct file_operations brk_fops = {
	.mmap		= brk_mmap,
};
