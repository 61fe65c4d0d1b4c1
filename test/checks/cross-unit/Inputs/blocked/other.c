// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
/* Calls the callback directly: that call needs the legacy signature. */
#include "blk.h"

int blk_mmap_twice(struct file *file, struct vm_area_struct *vma)
{
	return blk_mmap(file, vma);
}
