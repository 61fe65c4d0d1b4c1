// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
/* A second table that installs the callback file.c defines. */
#include "internal.h"

const struct file_operations sh4_file_operations = {
	.mmap_prepare	= sh_file_mmap_prepare,
};
