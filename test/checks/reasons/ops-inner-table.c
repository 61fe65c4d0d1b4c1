// --ops reports a framework's own mmap slots; a framework mmap installed
// directly in a driver table is framework-dispatch, not "defined elsewhere".
// RUN: %check_mmap_prepare --exit 1 %s --ops=fb_ops.fb_mmap
// RUN: %check_mmap_prepare --exit 1 --check-prefix=NOOPS %s

#include <linux/fs.h>
#include <linux/mm.h>

struct fb_info;
struct fb_ops {
	int (*fb_mmap)(struct fb_info *info, struct vm_area_struct *vma);
};

int drm_gem_mmap(struct file *filp, struct vm_area_struct *vma);

static int myfb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	return 0;
}

static const struct fb_ops myfb_ops = {
	.fb_mmap = myfb_mmap,
};
// CHECK: ops-inner-table.c:[[@LINE-2]]:2: warning: 'fb_ops.fb_mmap' is an mmap-style hook that takes the vma; 'myfb_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK: note: 'fb_ops.fb_mmap' is a framework's own mmap hook; it moves when the framework offers an mmap_prepare-style hook [framework-slot]
// NOOPS-NOT: fb_ops

static const struct file_operations drm_fops = {
	.mmap = drm_gem_mmap,
};
// CHECK: ops-inner-table.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'drm_gem_mmap' cannot move to mmap_prepare yet
// CHECK: note: 'drm_gem_mmap' is a framework's mmap (defined elsewhere); the framework must move to mmap_prepare first [framework-dispatch]
// NOOPS: warning: 'file_operations.mmap' is deprecated; 'drm_gem_mmap'
