// `Ops` / --ops with --fix: a slot of an inner ops table (fb_ops.fb_mmap)
// is reported but never rewritten (fb_ops has no .mmap_prepare), while the
// file_operations table in the same file is still converted, and both front
// ends leave the same file. (An earlier engine renamed `.fb_mmap` to
// `.mmap_prepare`: the CLI refused to write that, losing the valid
// conversion too, and clang-tidy --fix wrote code that did not compile.)
// --strict-gate: such a refused, non-compiling fix fails this test.
// RUN: %expect-exit 1 %mpl --ops=fb_ops.fb_mmap %s -- %kflags
// RUN: %compare-frontends --strict-gate --workdir %t %s
// RUN: cp %s %t.c
// RUN: %clang_tidy -load=%tidy_plugin '-checks=-*,mmap-prepare-*' \
// RUN:   '-config={CheckOptions: {Ops: "fb_ops.fb_mmap"}}' --fix %t.c -- %kflags
// RUN: %FileCheck %s --input-file=%t.c
// RUN: %clang -fsyntax-only %kflags %t.c
// CHECK: static int fby_mmap(struct file *file, struct vm_area_struct *vma)
// CHECK: .fb_mmap = fby_mmap,
// CHECK: static int devy_mmap_prepare(struct vm_area_desc *desc)
// CHECK: .mmap_prepare = devy_mmap_prepare,

#include <linux/fs.h>
#include <linux/mm.h>

struct fb_ops {
	int (*fb_mmap)(struct file *file, struct vm_area_struct *vma);
};

static int fby_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct fb_ops fby_ops = {
	.fb_mmap = fby_mmap,
};

static int devy_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_IO);
	return 0;
}

static const struct file_operations devy_fops = {
	.mmap = devy_mmap,
};
