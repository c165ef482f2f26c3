/** The product version reported by every service (kept equal to package.json by a test). */
export const PRODUCT_VERSION = '0.1.0';
