// Manual: the table is swapped into files that are already open
// (sound/core/init.c installs snd_shutdown_f_ops on disconnect). mmap()
// reads ->mmap_prepare at its start and ->mmap later: converting this table
// alone would let a concurrent mmap() see neither hook. Nothing is written.
// The twin table that is never swapped in converts.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: %FileCheck %s --check-prefix=FIXED --input-file=%t.c

#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>

static int shutdown_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}

static int plain_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}

static const struct file_operations shutdown_f_ops = {
	.mmap		= shutdown_mmap,
};
// CHECK: runtime-fops.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'shutdown_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: runtime-fops.c:[[@LINE-14]]:12: note: 'shutdown_mmap' is defined here
// CHECK-NEXT: runtime-fops.c:[[@LINE-4]]:2: note: 'shutdown_f_ops' is swapped into open files at runtime (line 42); a concurrent mmap() reads ->mmap_prepare and ->mmap at different times, so this table must keep the hook kind of every table it replaces: convert them together [runtime-fops]
// FIXED: .mmap = shutdown_mmap,

static const struct file_operations plain_f_ops = {
	.mmap		= plain_mmap,
};
// CHECK: runtime-fops.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'plain_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: runtime-fops.c:[[@LINE-17]]:12: note: 'plain_mmap' is defined here
// FIXED: .mmap_prepare = plain_mmap_prepare,

void disconnect(struct file *file)
{
	file->f_op = &shutdown_f_ops;
}
