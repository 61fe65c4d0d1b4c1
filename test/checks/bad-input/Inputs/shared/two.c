#include "hook.h"
int two(void) { return 2; }
