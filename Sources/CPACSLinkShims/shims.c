// The shims are static inline in the header; this file gives the C target a translation unit.
#include "CPACSLinkShims.h"
