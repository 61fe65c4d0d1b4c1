// CheckOptions `Ops` is the CLI's --ops: inner ops tables' mmap slots are
// reported too, by both front ends alike.
// RUN: %check_mmap_prepare --exit 1 %s --ops=fb_ops.fb_mmap
// RUN: %clang_tidy -load=%tidy_plugin '-checks=-*,mmap-prepare-*' \
// RUN:   '-config={CheckOptions: {Ops: "fb_ops.fb_mmap"}}' %s -- %kflags \
// RUN:   | %FileCheck %s --implicit-check-not=warning:
// RUN: %clang_tidy -load=%tidy_plugin '-checks=-*,mmap-prepare-*' %s -- %kflags \
// RUN:   | %FileCheck %s --allow-empty --check-prefix=DEFAULT
// DEFAULT-NOT: warning:
//
// The fixes with `Ops`: option-ops-fix.c.
// RUN: %compare-frontends --no-fix --workdir %t %s

#include <linux/fs.h>
#include <linux/mm.h>

struct fb_ops {
	int (*fb_mmap)(struct file *file, struct vm_area_struct *vma);
};

static int fbx_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct fb_ops fbx_ops = {
	.fb_mmap = fbx_mmap,
};
// CHECK: option-ops.c:[[@LINE-2]]:2: warning: 'fb_ops.fb_mmap' {{.*}}'fbx_mmap' {{.*}} [mmap-prepare-legacy-hook]
