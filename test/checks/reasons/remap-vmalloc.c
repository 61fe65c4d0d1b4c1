// Blocked: remap_vmalloc_range() has no mmap_action equivalent.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/vmalloc.h>

static void *vbuf;

static int vbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_vmalloc_range(vma, vbuf, vma->vm_pgoff);
}

static const struct file_operations vbuf_fops = {
	.mmap = vbuf_mmap,
};
// CHECK: remap-vmalloc.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'vbuf_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: remap-vmalloc.c:[[@LINE-9]]:12: note: 'vbuf_mmap' is defined here
// CHECK-NEXT: remap-vmalloc.c:[[@LINE-8]]:9: note: calls remap_vmalloc_range(){{.*}} [remap-vmalloc]
