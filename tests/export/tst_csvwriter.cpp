#include "export/CsvExporter.h"
#include "export/CsvWriter.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void cells_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << QVariant(u"plain"_s) << u"plain"_s;
        QTest::newRow("comma") << QVariant(u"a,b"_s) << u"\"a,b\""_s;
        QTest::newRow("quote") << QVariant(u"say \"hi\""_s) << u"\"say \"\"hi\"\"\""_s;
        QTest::newRow("newline") << QVariant(u"a\nb"_s) << u"\"a\nb\""_s;
        QTest::newRow("formula =") << QVariant(u"=HYPERLINK(\"http://x\")"_s) << u"\"'=HYPERLINK(\"\"http://x\"\")\""_s;
        QTest::newRow("formula +") << QVariant(u"+1+2"_s) << u"\"'+1+2\""_s;
        QTest::newRow("formula -") << QVariant(u"-2+3"_s) << u"\"'-2+3\""_s;
        QTest::newRow("formula @") << QVariant(u"@SUM(A1)"_s) << u"\"'@SUM(A1)\""_s;
        QTest::newRow("formula tab") << QVariant(u"\t=1"_s) << u"\"'\t=1\""_s;
        QTest::newRow("formula cr") << QVariant(u"\r=1"_s) << u"\"'\r=1\""_s;
        QTest::newRow("negative number stays a number") << QVariant(-0.25) << u"-0.25"_s;
        QTest::newRow("integer") << QVariant(qlonglong(42)) << u"42"_s;
        QTest::newRow("n/a is empty") << QVariant() << QString();
        // How QPSQL gives SQL NULL: a null value of the column's type, not a 0.
        QTest::newRow("a typed NULL is empty") << QVariant(QMetaType::fromType<qlonglong>(), nullptr) << QString();
        QTest::newRow("unicode") << QVariant(u"Zoë – 日本"_s) << u"Zoë – 日本"_s;
        // Where the list separator is ";", unquoted this would be two cells, "m" and a formula.
        QTest::newRow("semicolon") << QVariant(u"m;=1+1"_s) << u"\"m;=1+1\""_s;
        QTest::newRow("formula with a semicolon") << QVariant(u"=1;2"_s) << u"\"'=1;2\""_s;
    }

    void cells()
    {
        QFETCH(QVariant, value);
        QFETCH(QString, expected);
        QCOMPARE(CsvWriter::formatCell(value), expected);
    }

    void rowsAreCrlfUtf8()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter csv(&buffer);
        csv.writeRow({u"a"_s, u"b c"_s, 1});
        csv.writeRow({u"ü"_s, QVariant(), u"x,y"_s});
        QVERIFY(csv.ok());
        QCOMPARE(buffer.data(), QByteArray("a,b c,1\r\n\xc3\xbc,,\"x,y\"\r\n"));
    }

    // Whole rows, byte for byte: a cell with ";" (such as the "; "-separated brands of
    // answers.csv) is quoted like one with ",".
    void rowBytes_data()
    {
        QTest::addColumn<QVariantList>("cells");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << QVariantList{u"a"_s, u"b c"_s, 1} << QByteArray("a,b c,1\r\n");
        QTest::newRow("semicolon") << QVariantList{u"m;=1+1"_s} << QByteArray("\"m;=1+1\"\r\n");
        QTest::newRow("brands") << QVariantList{7, u"Acme; Beta"_s, 2} << QByteArray("7,\"Acme; Beta\",2\r\n");
        QTest::newRow("semicolon and quote") << QVariantList{u"a;\"b\""_s} << QByteArray("\"a;\"\"b\"\"\"\r\n");
        QTest::newRow("unicode and semicolon")
            << QVariantList{u"Zoë;日本"_s, QVariant()} << QByteArray("\"Zo\xc3\xab;\xe6\x97\xa5\xe6\x9c\xac\",\r\n");
        QTest::newRow("formula") << QVariantList{u"=1+1"_s, -0.25} << QByteArray("\"'=1+1\",-0.25\r\n");
    }

    void rowBytes()
    {
        QFETCH(QVariantList, cells);
        QFETCH(QByteArray, bytes);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter csv(&buffer);
        csv.writeRow(cells);
        QVERIFY(csv.ok());
        QCOMPARE(buffer.data(), bytes);
    }

    // A view's table is written as shown, its cells neutralised like any export's.
    void writesAViewsTable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"view.csv"_s);
        QVERIFY(CsvExporter::writeTable(path, {{u"Prompt"_s, u"Attempts"_s}, {u"=cmd()"_s, 3}}));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("Prompt,Attempts\r\n\"'=cmd()\",3\r\n"));
        QVERIFY(!CsvExporter::writeTable(dir.filePath(u"missing/folder/view.csv"_s), {}));
    }
};

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
