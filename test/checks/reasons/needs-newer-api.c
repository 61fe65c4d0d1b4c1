// Blocked at 7.0: vm_iomap_memory() has a prepare twin only from 7.1.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s --api=7.0 -- -DMOCK_KERNEL_API=700
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --api=7.0 --fix --quiet %t.c -- %kflags \
// RUN:   -DMOCK_KERNEL_API=700
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static phys_addr_t nn_phys;

static int nn_mmap(struct file *file, struct vm_area_struct *vma)
{
	return vm_iomap_memory(vma, nn_phys, 4 * PAGE_SIZE);
}

static const struct file_operations nn_fops = {
	.mmap = nn_mmap,
};
// CHECK: needs-newer-api.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'nn_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: needs-newer-api.c:[[@LINE-9]]:12: note: 'nn_mmap' is defined here
// CHECK-NEXT: needs-newer-api.c:[[@LINE-8]]:9: note: vm_iomap_memory() {{.*}} only from 7.1{{.*}} [needs-newer-api]
