-- V5: the product a code package was activated for (null when imported without naming one).
-- Allocation for a job of product P takes codes of P's packages (and of packages without a product),
-- never another product's. Ranges pulled from a platform before V5 carry their product in their
-- source, platform:<productId>:<rangeId>, which is copied here.

ALTER TABLE code_packages ADD COLUMN product_id TEXT;

UPDATE code_packages
   SET product_id = substr(file_name, 10, instr(substr(file_name, 10), ':') - 1)
 WHERE file_name LIKE 'platform:%:%' AND instr(substr(file_name, 10), ':') > 1;
