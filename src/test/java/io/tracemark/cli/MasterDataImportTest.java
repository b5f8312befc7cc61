package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.master.MasterDataStore;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code master-data import FILE}: YAML or CSV, all or nothing, every problem with its line and field, audited. */
class MasterDataImportTest {

    @TempDir
    Path dir;

    @Test
    void theShippedExampleImportsAndEveryRecordIsAudited() {
        Path data = dir.resolve("data");
        CommandRun run = CommandRun.run("master-data", "import", "master-data.yaml", "--data", data.toString(),
                "--actor", "admin-zhao");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("imported 1 producers and 3 products"), run.out());
        try (Database db = Database.open(data)) {
            MasterDataStore store = new MasterDataStore(db, new AuditLog(db));
            assertEquals("06901234000016", store.product("P-KETTLE").orElseThrow().gtin(), "the leading 0 kept");
            assertEquals("91440101MA59TM0023", store.producer("PR-SAMPLE").orElseThrow().uscc());
            assertEquals(List.of("admin-zhao producer.save PR-SAMPLE 广州示例电器有限公司 (new)",
                    "admin-zhao product.save P-KETTLE 电热水壶 (new)",
                    "admin-zhao product.save P-EBIKE 电动自行车 (new)",
                    "admin-zhao product.save P-BATTERY 电动自行车用锂离子蓄电池 (new)",
                    "admin-zhao product.components P-EBIKE: frame:车架:scheme=gs1; battery:蓄电池:product=P-BATTERY; "
                            + "charger:充电器:scheme=gs1",
                    "admin-zhao master-data.import import of master-data.yaml: 1 producers, 3 products"), audit(db));
            assertEquals(List.of("frame", "battery", "charger"), store.componentRoles("P-EBIKE").stream()
                    .map(io.tracemark.master.ComponentRole::role).toList(), "组合多码 roles in order");
            assertEquals(java.util.Optional.of("P-BATTERY"), store.componentRoles("P-EBIKE").get(1).productId());
            assertEquals(List.of(), store.componentRoles("P-KETTLE"));
        }
        CommandRun again = CommandRun.run("master-data", "import", "master-data.yaml", "--data", data.toString(),
                "--actor", "admin-zhao");
        assertEquals(0, again.exit(), again.err());
        try (Database db = Database.open(data)) {
            assertTrue(audit(db).contains("admin-zhao product.save P-KETTLE 电热水壶 (unchanged)"), audit(db).toString());
        }
    }

    @Test
    void aCsvFileWithProblemsIsRefusedWholeAndEveryProblemIsNamedByLineAndField() throws Exception {
        Path csv = dir.resolve("master.csv");
        Files.writeString(csv, "\uFEFFrecord,id,producer,name,uscc,address,contact,businessLicence,type,specification,"
                + "mandatoryStandard,inspectionReport,gtin\n"
                + "producer,PR-1,,示例电器,91440101MA59TM0023,广州,020-1,执照,,,,,\n"
                + "product,P-1,PR-1,电热水壶,,,,,家电,SK-1500,GB 4706.1-2005,QJ-1,06901234000016\n"
                + "product,P-2,PR-1,头盔,,,,,,,GB 811-2022,QJ-2,\n"
                + "product,P-3,PR-9,插座,,,,,家电,X,GB 2099.1,QJ-3,\n"
                + "product,P-1,PR-1,重复,,,,,家电,X,GB 2099.1,QJ-4,\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        CommandRun run = CommandRun.run("master-data", "import", csv.toString(), "--data", data.toString());
        assertEquals(2, run.exit(), run.out());
        for (String expected : List.of("line 4, product.type: 产品类型 is missing",
                "line 4, product.specification: 规格型号 is missing",
                "line 5, product.producer: producer 'PR-9' is neither in this file nor registered",
                "line 6, product.id: 'P-1' is in this file twice", "nothing imported")) {
            assertTrue(run.err().contains(expected), expected + " in " + run.err());
        }
        try (Database db = Database.open(data)) {
            assertEquals(0, db.count("SELECT count(*) FROM producers"), "nothing of the file is stored");
            assertEquals(0, db.count("SELECT count(*) FROM products"));
        }

        Files.writeString(csv, "record,id,producer,name,uscc,address,contact,businessLicence,type,specification,"
                + "mandatoryStandard,inspectionReport,gtin\n"
                + "producer,PR-1,,示例电器,91440101MA59TM0023,广州,020-1,执照,,,,,\n"
                + "product,P-1,PR-1,电热水壶,,,,,家电,SK-1500,GB 4706.1-2005,QJ-1,06901234000016\n", StandardCharsets.UTF_8);
        CommandRun fixed = CommandRun.run("master-data", "import", csv.toString(), "--data", data.toString(), "--json");
        assertEquals(0, fixed.exit(), fixed.err());
        assertEquals("[\"P-1\"]", JsonOutput.mapper().readTree(fixed.out()).get("products").toString());
    }

    @Test
    void yamlProblemsNameTheirLine() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "producers:\n"
                + "  - id: PR-1\n"
                + "    name: 示例\n"
                + "    uscc: 91440101MA59TM0023\n"
                + "    colour: red\n"
                + "products:\n"
                + "  - id: P-1\n"
                + "    producer: PR-1\n"
                + "    gtin: 01234567012345\n", StandardCharsets.UTF_8);
        CommandRun run = CommandRun.run("master-data", "import", yaml.toString(), "--data", dir.resolve("d").toString());
        assertEquals(2, run.exit());
        for (String expected : List.of("line 5, producer.colour: unknown field", "line 2, producer.address: 生产/注册地址 is missing",
                "line 9, product.gtin: write 01234567012345 in quotes", "line 7, product.name: 产品名称 is missing")) {
            assertTrue(run.err().contains(expected), expected + " in " + run.err());
        }
        assertEquals(2, CommandRun.run("master-data", "import", dir.resolve("none.yaml").toString()).exit());
    }

    @Test
    void badComponentRolesAreRefusedWithTheirLineAndNothingIsStored() throws Exception {
        Path yaml = dir.resolve("bike.yaml");
        String product = "  - id: P-BIKE\n    producer: PR-SAMPLE\n    name: 电动自行车\n    type: 电动自行车\n"
                + "    specification: X\n    mandatoryStandard: GB 17761-2024\n    inspectionReport: QJ-1\n";
        Files.writeString(yaml, Files.readString(Path.of("master-data.yaml")).split("\nproducts:")[0] + "\nproducts:\n"
                + product + "    components:\n"
                + "      - {role: frame, name: 车架, scheme: no-such}\n"
                + "      - {role: frame, name: 车架二, scheme: gs1}\n"
                + "      - {role: battery, name: 电池, product: P-NONE}\n"
                + "      - {role: charger, name: 充电器}\n"
                + "      - {role: lamp, colour: red, scheme: gs1}\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        CommandRun run = CommandRun.run("master-data", "import", yaml.toString(), "--data", data.toString());
        assertEquals(2, run.exit(), run.out());
        for (String expected : List.of("product.components.frame: unknown code scheme 'no-such'",
                "product.components.frame: component role 'frame' is given twice",
                "product.components.battery: component product 'P-NONE' is neither in this file nor registered",
                "product.components.charger: component 'charger' accepts nothing",
                "product.components.colour: unknown component field", "product.components.lamp: component name is missing",
                "nothing imported")) {
            assertTrue(run.err().contains(expected), expected + " in " + run.err());
        }
        try (Database db = Database.open(data)) {
            assertEquals(0, db.count("SELECT count(*) FROM products"));
            assertEquals(0, db.count("SELECT count(*) FROM product_component_roles"));
        }
    }

    private static List<String> audit(Database db) {
        return db.read(conn -> {
            List<String> rows = new java.util.ArrayList<>();
            try (var st = conn.createStatement();
                 var rs = st.executeQuery("SELECT actor, action, detail FROM audit_log ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return rows;
        });
    }
}
