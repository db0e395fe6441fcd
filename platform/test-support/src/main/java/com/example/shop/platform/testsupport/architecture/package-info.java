/**
 * Architecture rules every service's {@code ArchitectureTest} applies to its own classes.
 */
package com.example.shop.platform.testsupport.architecture;
