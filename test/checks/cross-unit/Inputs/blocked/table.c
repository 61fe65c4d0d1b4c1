// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
#include "blk.h"

const struct file_operations blk_fops = {
	.mmap		= blk_mmap,
};
