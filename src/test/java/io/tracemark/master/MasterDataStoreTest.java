package io.tracemark.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterDataStoreTest {

    static final Producer PRODUCER = new Producer("acme", "广州示例电动车有限公司", "91440101MA59XXXX4W",
            "广州市黄埔区示例路1号", "020-12345678", "营业执照 91440101MA59XXXX4W");
    static final Product PRODUCT = new Product("ebike-48v", PRODUCER, "电动自行车", "电动自行车", "TDT-48V-12Ah",
            "GB 17761-2024", "出厂检验报告 2026-118", "CCC 2021011119000001", "2年", "使用前请阅读说明书", "06901234567892");

    @TempDir
    Path dir;
    Database db;
    MasterDataStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        store = new MasterDataStore(db, new AuditLog(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void savesAndReadsBackProducersAndProducts() {
        store.save(PRODUCER, "admin");
        store.save(PRODUCT, "admin");
        assertEquals(PRODUCT, store.product("ebike-48v").orElseThrow());
        assertEquals(List.of(PRODUCT), store.products());
        Product renamed = new Product("ebike-48v", PRODUCER, "电动自行车 新款", PRODUCT.type(), PRODUCT.specification(),
                PRODUCT.mandatoryStandard(), PRODUCT.inspectionReport(), "", "", "", "");
        store.save(renamed, "admin");
        assertEquals("电动自行车 新款", store.product("ebike-48v").orElseThrow().name());
        assertEquals(3, db.count("SELECT count(*) FROM audit_log"));
    }

    @Test
    void refusesMissingMandatoryFieldsNamingEachAndStoresNothing() {
        Producer incomplete = new Producer("p2", "某公司", " ", "", "020-1", null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.save(incomplete, "admin"));
        assertEquals(List.of("producer.uscc", "producer.address", "producer.businessLicence"),
                e.problems().stream().map(Problem::where).toList());
        assertEquals(0, db.count("SELECT count(*) FROM producers"));
    }

    @Test
    void aProductNeedsARegisteredProducerAndItsOwnMandatoryFields() {
        Product orphan = new Product("x", PRODUCER, "名称", "", "规格", "", "报告", "", "", "", "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.save(orphan, "admin"));
        List<String> fields = e.problems().stream().map(Problem::where).toList();
        assertEquals(List.of("product.type", "product.mandatoryStandard", "product.producer"), fields);
        assertTrue(e.getMessage().contains("not registered"));
        assertEquals(0, db.count("SELECT count(*) FROM products"));
    }

    @Test
    void refusesABadId() {
        Producer bad = new Producer("has space", PRODUCER.name(), PRODUCER.uscc(), PRODUCER.address(),
                PRODUCER.contact(), PRODUCER.businessLicence());
        assertThrows(InvalidInputException.class, () -> store.save(bad, "admin"));
    }

    @Test
    void usccFailingItsCheckIsRefusedUntilAPersonConfirmsItAndTheConfirmationIsAudited() throws Exception {
        Producer early = new Producer("early", PRODUCER.name(), "91350100M000100Y44", PRODUCER.address(),
                PRODUCER.contact(), PRODUCER.businessLicence());
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> store.save(early, "admin"));
        assertEquals("producer.uscc", refused.problems().get(0).where());
        assertTrue(refused.problems().get(0).message().startsWith("invalid: check character should be 3"),
                refused.problems().get(0).message());
        assertTrue(store.producer("early").isEmpty(), "nothing stored");

        InvalidInputException noPerson = assertThrows(InvalidInputException.class,
                () -> store.confirmUscc("91350100M000100Y44", " ", "admin"));
        assertEquals("confirmedBy", noPerson.problems().get(0).where());
        assertThrows(InvalidInputException.class, () -> store.confirmUscc("91350100M000100Y43", "张三", "admin"),
                "a valid code needs no confirmation");
        assertThrows(InvalidInputException.class, () -> store.confirmUscc("91350100I000100Y43", "张三", "admin"),
                "a code outside the alphabet cannot be confirmed");

        UsccConfirmation c = store.confirmUscc("91350100M000100Y44", "张三", "admin");
        store.save(early, "admin");
        assertEquals(early, store.producer("early").orElseThrow());
        assertEquals(c, store.usccConfirmation("91350100M000100Y44").orElseThrow());
        assertEquals("张三", c.confirmedBy());
        try (var conn = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("station.db"));
             var rs = conn.createStatement().executeQuery(
                     "SELECT actor, detail FROM audit_log WHERE action = 'uscc.confirm'")) {
            assertTrue(rs.next());
            assertEquals("admin", rs.getString(1));
            assertTrue(rs.getString(2).startsWith("91350100M000100Y44 confirmed by 张三"), rs.getString(2));
        }
        assertThrows(InvalidInputException.class, () -> store.save(new Producer("p3", PRODUCER.name(),
                "91350100I000100Y43", PRODUCER.address(), PRODUCER.contact(), PRODUCER.businessLicence()), "admin"));
    }
}
