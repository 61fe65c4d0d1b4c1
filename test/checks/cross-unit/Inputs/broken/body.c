// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
#include "brk.h"

int brk_mmap(struct file *file, struct vm_area_struct *vma)
{
	return generic_file_mmap(file, vma) + undeclared_thing;
}
