// After `.mmap` becomes `.mmap_prepare`, the `=` keeps the column of its
// neighbours whether the table aligns with tabs or with spaces; a name that
// passes the column gets one space, and an unaligned table stays unaligned.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static int a_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static int b_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static int c_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static int d_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations spaces_fops = {
	.owner           = THIS_MODULE,
	.mmap            = a_mmap,
};
// CHECK: ops-alignment.c:[[@LINE-2]]:2: warning: {{.*}}'a_mmap' can be converted

static const struct file_operations narrow_fops = {
	.owner  = THIS_MODULE,
	.mmap   = b_mmap,
};
// CHECK: ops-alignment.c:[[@LINE-2]]:2: warning: {{.*}}'b_mmap' can be converted

static const struct file_operations plain_fops = {
	.owner = THIS_MODULE,
	.mmap = c_mmap,
};
// CHECK: ops-alignment.c:[[@LINE-2]]:2: warning: {{.*}}'c_mmap' can be converted

static const struct file_operations tabs_fops = {
	.owner		= THIS_MODULE,
	.mmap		= d_mmap,
};
// CHECK: ops-alignment.c:[[@LINE-2]]:2: warning: {{.*}}'d_mmap' can be converted
