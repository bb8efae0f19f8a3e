"""The positions app's schema in one migration, squashing 0001–0011 (docs/migrations.md; 0002 adds the candidate features).

Besides the tables it seeds, on a fresh database, the kamus kompetensi (was 0003: M.1–M.8 and
SK.1 of PermenPANRB 38/2017 and example kompetensi teknis, with level 1–5 descriptions) and
the BUP table (was 0009, docs/domain.md §4.5), and on PostgreSQL only it adds the trigram index
of the register's name search (was 0006). Data is inlined: a migration never imports app code
that may change later; later wording changes go in a new data migration.

The fields of each CreateModel stand in the column order that the old history gave a
database (fields added later last), so new and upgraded databases are the same; keep it.
"""

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import simple_history.models
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

import positions.models.peta_job

# (code, name, kind, definition, [level 1 … level 5])
COMPETENCIES = [
    (
        "M.1",
        "Integritas",
        "manajerial",
        "Konsisten berperilaku selaras dengan nilai, norma dan/atau etika organisasi, dan jujur "
        "dalam hubungan dengan manajemen, rekan kerja, bawahan langsung, dan pemangku kepentingan, "
        "menciptakan budaya etika tinggi, bertanggung jawab atas tindakan atau keputusan beserta "
        "risiko yang menyertainya.",
        [
            "Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi.",
            "Mampu mengingatkan, mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika "
            "organisasi.",
            "Mampu memastikan, menanamkan keyakinan bersama agar anggota yang dipimpin bertindak sesuai "
            "nilai, norma, dan etika organisasi, dalam lingkup formal.",
            "Mampu menciptakan situasi kerja yang mendorong kepatuhan pada nilai, norma, dan etika "
            "organisasi.",
            "Mampu menjadi role model dalam penerapan standar keadilan dan etika di tingkat nasional.",
        ],
    ),
    (
        "M.2",
        "Kerja Sama",
        "manajerial",
        "Kemampuan menjalin, membina, mempertahankan hubungan kerja yang efektif, memiliki komitmen "
        "saling membantu dalam penyelesaian tugas, dan mengoptimalkan segala sumber daya untuk "
        "mencapai tujuan strategis organisasi.",
        [
            "Mampu berpartisipasi dalam kelompok kerja.",
            "Mampu menumbuhkan tim kerja yang partisipatif dan efektif.",
            "Mampu membangun tim kerja secara efektif untuk peningkatan kinerja organisasi.",
            "Mampu membangun komitmen tim dan sinergi.",
            "Mampu menciptakan situasi kerja sama secara konsisten, baik di dalam maupun di luar "
            "instansi.",
        ],
    ),
    (
        "M.3",
        "Komunikasi",
        "manajerial",
        "Kemampuan untuk menerangkan pandangan dan gagasan secara jelas, sistematis disertai "
        "argumentasi yang logis dengan cara-cara yang sesuai baik secara lisan maupun tertulis; "
        "memastikan pemahaman; mendengarkan secara aktif dan efektif; mempersuasi, meyakinkan dan "
        "membujuk orang lain dalam rangka mencapai tujuan organisasi.",
        [
            "Mampu menyampaikan informasi dengan jelas, lengkap, pemahaman yang sama.",
            "Mampu aktif menjalankan komunikasi secara formal dan informal; bersedia mendengarkan orang "
            "lain, menginterpretasikan pesan dengan respons yang sesuai, serta menyusun materi "
            "presentasi, pidato, naskah, laporan, dan sejenisnya.",
            "Mampu berkomunikasi secara asertif, terampil berkomunikasi lisan/tertulis untuk "
            "menyampaikan informasi yang sensitif/rumit/kompleks.",
            "Mampu mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk mendorong "
            "kesepakatan dengan tujuan meningkatkan kinerja secara keseluruhan.",
            "Mampu menggagas sistem komunikasi yang terbuka secara strategis untuk mencari solusi "
            "dengan tujuan meningkatkan kinerja.",
        ],
    ),
    (
        "M.4",
        "Orientasi pada Hasil",
        "manajerial",
        "Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat "
        "diandalkan, bertanggung jawab, mampu secara sistematis mengidentifikasi risiko dan peluang "
        "dengan memperhatikan keterhubungan antara perencanaan dan hasil, untuk keberhasilan "
        "organisasi.",
        [
            "Mampu bertanggung jawab untuk memenuhi standar kerja.",
            "Mampu berupaya meningkatkan hasil kerja pribadi yang lebih tinggi dari standar yang "
            "ditetapkan, mencari, mencoba metode alternatif untuk peningkatan kinerja.",
            "Mampu menetapkan target kerja yang menantang bagi unit kerja, memberi apresiasi dan "
            "teguran untuk mendorong kinerja.",
            "Mampu mendorong unit kerja mencapai target yang ditetapkan atau melebihi hasil kerja "
            "sebelumnya.",
            "Mampu meningkatkan mutu pencapaian kerja organisasi.",
        ],
    ),
    (
        "M.5",
        "Pelayanan Publik",
        "manajerial",
        "Kemampuan dalam melaksanakan tugas-tugas pemerintahan, pembangunan dan kegiatan pemenuhan "
        "kebutuhan pelayanan publik secara profesional, transparan, mengikuti standar pelayanan yang "
        "objektif, netral, tidak memihak, tidak diskriminatif, serta tidak terpengaruh kepentingan "
        "pribadi/kelompok/golongan/partai politik.",
        [
            "Mampu menjalankan tugas mengikuti standar pelayanan.",
            "Mampu menyupervisi/mengawasi/menyelia dan menjelaskan proses pelaksanaan tugas-tugas "
            "pemerintahan/pelayanan publik secara transparan.",
            "Mampu memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan publik di lingkup "
            "unit kerja.",
            "Mampu memonitor, mengevaluasi, memperhitungkan dan mengantisipasi dampak dari isu-isu "
            "jangka panjang, kesempatan, atau kekuatan politik dalam hal pelayanan kebutuhan pemangku "
            "kepentingan yang transparan, objektif, dan profesional.",
            "Mampu memastikan kebijakan-kebijakan pelayanan publik yang menjamin terselenggaranya "
            "pelayanan publik yang objektif, netral, tidak memihak, tidak diskriminatif, serta tidak "
            "terpengaruh kepentingan pribadi/kelompok/partai politik.",
        ],
    ),
    (
        "M.6",
        "Pengembangan Diri dan Orang Lain",
        "manajerial",
        "Kemampuan untuk meningkatkan pengetahuan dan menyempurnakan keterampilan diri; "
        "menginspirasi orang lain untuk mengembangkan dan menyempurnakan pengetahuan dan "
        "keterampilan yang relevan dengan pekerjaan dan pengembangan karier jangka panjang, "
        "mendorong kemauan belajar sepanjang hidup, memberikan saran/bantuan, umpan balik, bimbingan "
        "untuk membantu orang lain mengembangkan potensi dirinya.",
        [
            "Mampu melakukan pengembangan diri.",
            "Mampu meningkatkan kemampuan bawahan dengan memberikan contoh dan penjelasan cara "
            "melaksanakan suatu pekerjaan.",
            "Mampu memberikan umpan balik dan membimbing.",
            "Mampu menyusun program pengembangan jangka panjang dalam rangka mendorong manajemen "
            "pembelajaran.",
            "Mampu menciptakan situasi yang mendorong organisasi untuk mengembangkan kemampuan belajar "
            "secara berkelanjutan dalam rangka mendukung pencapaian hasil.",
        ],
    ),
    (
        "M.7",
        "Mengelola Perubahan",
        "manajerial",
        "Kemampuan dalam menyesuaikan diri dengan situasi yang baru atau berubah dan tidak "
        "bergantung secara berlebihan pada metode dan proses lama, mengambil tindakan untuk "
        "mendukung dan melaksanakan inisiatif perubahan, memimpin usaha perubahan, mengambil "
        "tanggung jawab pribadi untuk memastikan perubahan berhasil diimplementasikan secara "
        "efektif.",
        [
            "Mampu mengikuti perubahan dengan arahan.",
            "Mampu proaktif beradaptasi mengikuti perubahan.",
            "Mampu membantu orang lain mengikuti perubahan dan mengantisipasi perubahan secara tepat.",
            "Mampu memimpin perubahan pada unit kerja.",
            "Mampu memimpin, menggalang dan menggerakkan dukungan pemangku kepentingan untuk "
            "menjalankan perubahan secara berkelanjutan pada tingkat instansi/nasional.",
        ],
    ),
    (
        "M.8",
        "Pengambilan Keputusan",
        "manajerial",
        "Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah "
        "mempertimbangkan prinsip kehati-hatian, dirumuskan secara sistematis dan saksama "
        "berdasarkan berbagai informasi, alternatif pemecahan masalah dan konsekuensinya, serta "
        "bertanggung jawab atas keputusan yang diambil.",
        [
            "Mampu mengumpulkan informasi untuk bertindak sesuai kewenangan.",
            "Mampu menganalisis masalah secara mendalam.",
            "Mampu membandingkan berbagai alternatif dan menyeimbangkan risiko keberhasilan dalam "
            "implementasi.",
            "Mampu menyelesaikan masalah yang mengandung risiko tinggi, mengantisipasi dampak "
            "keputusan, membuat tindakan pengamanan, dan memitigasi risiko.",
            "Mampu menghasilkan solusi dan mengambil keputusan untuk mengatasi permasalahan jangka "
            "panjang/strategis, berdampak nasional.",
        ],
    ),
    (
        "SK.1",
        "Perekat Bangsa",
        "sosial_kultural",
        "Kemampuan dalam mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan "
        "individu/kelompok masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam "
        "mempersatukan masyarakat dan membangun hubungan sosial psikologis dengan masyarakat di "
        "tengah kemajemukan Indonesia sehingga menciptakan kelekatan yang kuat antara ASN dan para "
        "pemangku kepentingan serta di antara para pemangku kepentingan itu sendiri; menjaga, "
        "mengembangkan, dan mewujudkan rasa persatuan dan kesatuan dalam kehidupan bermasyarakat, "
        "berbangsa dan bernegara Indonesia.",
        [
            "Mampu peka memahami dan menerima kemajemukan.",
            "Mampu aktif mengembangkan sikap saling menghargai, menekankan persamaan dan persatuan.",
            "Mampu mempromosikan dan mengembangkan sikap toleransi dan persatuan.",
            "Mampu mendayagunakan perbedaan secara konstruktif dan kreatif untuk meningkatkan "
            "efektivitas organisasi.",
            "Mampu menjadi wakil pemerintah untuk membangun hubungan sosial psikologis.",
        ],
    ),
    (
        "T.KES.1",
        "Pelayanan Kesehatan Rujukan",
        "teknis",
        "Kemampuan menyelenggarakan dan mengelola pelayanan kesehatan rujukan tingkat lanjut sesuai "
        "standar pelayanan, sistem rujukan berjenjang, dan keselamatan pasien.",
        [
            "Mampu menjelaskan alur dan prosedur rujukan pasien serta melaksanakan tugas administrasi "
            "rujukan sesuai SOP.",
            "Mampu melaksanakan pelayanan rujukan sesuai standar dan berkoordinasi dengan fasilitas "
            "kesehatan perujuk.",
            "Mampu mengelola pelayanan rujukan di unit kerja, termasuk mutu, keselamatan pasien, dan "
            "rujuk balik.",
            "Mampu mengevaluasi dan mengembangkan jejaring serta sistem rujukan regional di tingkat "
            "provinsi.",
            "Mampu merumuskan kebijakan dan standar sistem rujukan kesehatan serta menjadi acuan bagi "
            "instansi lain.",
        ],
    ),
    (
        "T.KES.2",
        "Surveilans Epidemiologi",
        "teknis",
        "Kemampuan mengumpulkan, mengolah, menganalisis, dan menginterpretasikan data penyakit dan "
        "faktor risiko secara sistematis untuk kewaspadaan dini dan respons kesehatan masyarakat.",
        [
            "Mampu mengumpulkan dan mencatat data kasus penyakit sesuai format pelaporan.",
            "Mampu mengolah data surveilans dan menyajikan tren penyakit secara sederhana.",
            "Mampu menganalisis data epidemiologi, mendeteksi sinyal kewaspadaan dini, dan melaksanakan "
            "penyelidikan epidemiologi.",
            "Mampu mengelola sistem surveilans dan memimpin respons kejadian luar biasa (KLB) di "
            "tingkat provinsi.",
            "Mampu merumuskan kebijakan dan strategi surveilans serta menjadi rujukan ahli "
            "epidemiologi.",
        ],
    ),
    (
        "T.KES.3",
        "Manajemen Keperawatan",
        "teknis",
        "Kemampuan merencanakan, mengorganisasi, mengarahkan, dan mengendalikan pelayanan asuhan "
        "keperawatan agar bermutu dan aman bagi pasien.",
        [
            "Mampu melaksanakan asuhan keperawatan dasar sesuai standar operasional prosedur.",
            "Mampu melaksanakan asuhan keperawatan secara mandiri dan mendokumentasikannya dengan "
            "lengkap.",
            "Mampu mengelola pelayanan keperawatan di ruang rawat, termasuk penjadwalan, supervisi, dan "
            "indikator mutu.",
            "Mampu mengelola pelayanan keperawatan lintas unit dan mengembangkan standar asuhan "
            "keperawatan di rumah sakit.",
            "Mampu merumuskan kebijakan dan sistem manajemen keperawatan serta menjadi acuan profesi.",
        ],
    ),
    (
        "T.INF.1",
        "Tata Kelola Teknologi Informasi",
        "teknis",
        "Kemampuan menyelaraskan perencanaan, pengelolaan, dan evaluasi teknologi informasi dengan "
        "tujuan organisasi dalam kerangka Sistem Pemerintahan Berbasis Elektronik (SPBE).",
        [
            "Mampu memahami kebijakan dan standar teknologi informasi yang berlaku di instansi.",
            "Mampu menerapkan prosedur pengelolaan layanan dan aset teknologi informasi.",
            "Mampu menyusun rencana, arsitektur, dan standar teknologi informasi unit kerja.",
            "Mampu mengevaluasi tata kelola SPBE dan mengendalikan risiko teknologi informasi instansi.",
            "Mampu merumuskan kebijakan dan strategi transformasi digital pemerintah daerah.",
        ],
    ),
    (
        "T.INF.2",
        "Pengembangan Aplikasi",
        "teknis",
        "Kemampuan menganalisis kebutuhan, merancang, membangun, menguji, dan memelihara aplikasi "
        "untuk mendukung layanan pemerintahan.",
        [
            "Mampu membuat dan memperbaiki modul aplikasi sederhana di bawah arahan.",
            "Mampu membangun fitur aplikasi secara mandiri sesuai spesifikasi dan melakukan pengujian.",
            "Mampu menganalisis kebutuhan pengguna dan merancang arsitektur serta basis data aplikasi.",
            "Mampu memimpin tim pengembangan dan menjamin mutu, keamanan, serta interoperabilitas "
            "aplikasi.",
            "Mampu menetapkan standar pengembangan dan arsitektur aplikasi terpadu lintas instansi.",
        ],
    ),
    (
        "T.INF.3",
        "Keamanan Informasi",
        "teknis",
        "Kemampuan melindungi kerahasiaan, keutuhan, dan ketersediaan informasi serta sistem "
        "elektronik instansi dari ancaman dan insiden siber.",
        [
            "Mampu menerapkan praktik dasar keamanan informasi dalam pekerjaan sehari-hari.",
            "Mampu melaksanakan pengamanan sistem dan memantau kejadian keamanan sesuai prosedur.",
            "Mampu menganalisis kerentanan, menangani insiden siber, dan menyusun prosedur pengamanan.",
            "Mampu mengelola sistem manajemen keamanan informasi dan tim tanggap insiden siber "
            "instansi.",
            "Mampu merumuskan kebijakan dan strategi keamanan siber pemerintah daerah.",
        ],
    ),
    (
        "T.EKO.1",
        "Perencanaan Pembangunan Daerah",
        "teknis",
        "Kemampuan menyusun, mengendalikan, dan mengevaluasi dokumen perencanaan pembangunan daerah "
        "(RPJPD, RPJMD, RKPD, Renstra, dan Renja) sesuai ketentuan.",
        [
            "Mampu mengumpulkan dan mengolah data untuk bahan penyusunan dokumen perencanaan.",
            "Mampu menyusun bagian dokumen perencanaan dan memfasilitasi musrenbang.",
            "Mampu menganalisis permasalahan pembangunan dan merumuskan program serta indikator "
            "kinerja.",
            "Mampu mengoordinasikan penyusunan dan pengendalian dokumen perencanaan lintas perangkat "
            "daerah.",
            "Mampu merumuskan arah kebijakan dan strategi pembangunan daerah jangka panjang.",
        ],
    ),
    (
        "T.EKO.2",
        "Pengelolaan Keuangan Daerah",
        "teknis",
        "Kemampuan melaksanakan perencanaan anggaran, penatausahaan, akuntansi, pelaporan, dan "
        "pertanggungjawaban keuangan daerah sesuai peraturan perundang-undangan.",
        [
            "Mampu melaksanakan penatausahaan dokumen keuangan sesuai prosedur.",
            "Mampu menyusun anggaran, mencatat transaksi, dan menyiapkan laporan keuangan unit kerja.",
            "Mampu menganalisis realisasi anggaran dan menyusun laporan keuangan sesuai standar "
            "akuntansi pemerintahan.",
            "Mampu mengendalikan pengelolaan keuangan perangkat daerah dan menindaklanjuti temuan "
            "pemeriksaan.",
            "Mampu merumuskan kebijakan pengelolaan keuangan dan anggaran daerah.",
        ],
    ),
    (
        "T.SOS.1",
        "Manajemen ASN (Kepegawaian)",
        "teknis",
        "Kemampuan mengelola ASN berdasarkan sistem merit, meliputi perencanaan kebutuhan, "
        "pengadaan, pengembangan karier, penilaian kinerja, dan administrasi kepegawaian.",
        [
            "Mampu melaksanakan administrasi kepegawaian sesuai prosedur.",
            "Mampu mengolah data kepegawaian dan memproses layanan kepegawaian secara mandiri.",
            "Mampu menganalisis kebutuhan pegawai dan menyusun rencana pengembangan kompetensi serta "
            "karier.",
            "Mampu mengelola manajemen talenta dan penerapan sistem merit di tingkat instansi.",
            "Mampu merumuskan kebijakan manajemen ASN dan reformasi birokrasi di tingkat daerah.",
        ],
    ),
    (
        "T.HUK.1",
        "Perancangan Peraturan Daerah",
        "teknis",
        "Kemampuan menyusun naskah akademik dan rancangan peraturan daerah sesuai teknik penyusunan "
        "peraturan perundang-undangan dan asas pembentukannya.",
        [
            "Mampu menghimpun bahan hukum dan peraturan terkait rancangan peraturan.",
            "Mampu menyusun draf rancangan peraturan sesuai teknik penyusunan peraturan "
            "perundang-undangan.",
            "Mampu menyusun naskah akademik dan mengharmonisasikan rancangan peraturan daerah.",
            "Mampu memimpin pembahasan rancangan peraturan daerah bersama DPRD dan pemangku "
            "kepentingan.",
            "Mampu merumuskan kebijakan pembentukan produk hukum daerah dan menjadi rujukan ahli "
            "perancangan.",
        ],
    ),
    (
        "T.TEK.1",
        "Penyelenggaraan Jalan dan Jembatan",
        "teknis",
        "Kemampuan merencanakan, membangun, memelihara, dan mengawasi jalan dan jembatan sesuai "
        "standar teknis dan keselamatan.",
        [
            "Mampu melaksanakan survei dan pencatatan kondisi jalan dan jembatan.",
            "Mampu menyusun perhitungan teknis dan mengawasi pekerjaan konstruksi sederhana.",
            "Mampu merancang teknis jalan dan jembatan serta mengendalikan mutu pelaksanaan konstruksi.",
            "Mampu mengelola program penanganan jaringan jalan dan jembatan provinsi.",
            "Mampu merumuskan kebijakan dan standar penyelenggaraan jalan dan jembatan daerah.",
        ],
    ),
    (
        "T.PER.1",
        "Penyuluhan Pertanian",
        "teknis",
        "Kemampuan memberdayakan pelaku utama dan pelaku usaha pertanian melalui penyuluhan untuk "
        "meningkatkan produktivitas, pendapatan, dan kesejahteraan petani.",
        [
            "Mampu membantu pelaksanaan kegiatan penyuluhan dan pendataan kelompok tani.",
            "Mampu melaksanakan penyuluhan dan demonstrasi teknologi pertanian kepada kelompok tani.",
            "Mampu menyusun programa penyuluhan dan mengevaluasi penerapan teknologi di wilayah kerja.",
            "Mampu mengelola program penyuluhan pertanian di tingkat provinsi dan membina penyuluh.",
            "Mampu merumuskan kebijakan dan strategi penyuluhan serta pengembangan inovasi pertanian.",
        ],
    ),
]


def seed_competency_dictionary(apps, schema_editor):
    Competency = apps.get_model("positions", "Competency")
    CompetencyLevel = apps.get_model("positions", "CompetencyLevel")
    for code, name, kind, definition, levels in COMPETENCIES:
        competency, _ = Competency.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "definition": definition}
        )
        for number, description in enumerate(levels, start=1):
            CompetencyLevel.objects.update_or_create(
                competency=competency, level=number, defaults={"description": description}
            )


# The seed rows of the BUP table (docs/domain.md §4.5): the same values as
# positions.bup.DEFAULT_RULES, written out because migrations do not import app code.
BUP_RULES = (
    ("", "ahli_madya", 60, "PP 11/2017 Pasal 239 huruf b"),
    ("", "ahli_utama", 65, "PP 11/2017 Pasal 239 huruf c"),
    ("Guru", "", 60, "UU 14/2005 Pasal 30 ayat (4) jo. PP 11/2017 Pasal 240"),
    ("Dosen", "", 65, "UU 14/2005 Pasal 67 ayat (4) jo. PP 11/2017 Pasal 240"),
)


def seed_bup_table(apps, schema_editor):
    FunctionalBup = apps.get_model("positions", "FunctionalBup")
    for name, jenjang, age, basis in BUP_RULES:
        FunctionalBup.objects.get_or_create(
            name=name, jenjang=jenjang, defaults={"bup_age": age, "legal_basis": basis}
        )


# `name__icontains` is `UPPER(name) LIKE UPPER('%…%')`: without this index PostgreSQL reads
# every employee for a register search (issue 7). PostgreSQL only: the index is not in the
# model state (SQLite has no GIN/pg_trgm). The table is new and empty here, so a plain
# CREATE INDEX inside the migration's transaction (no CONCURRENTLY) is enough.
CREATE_TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS employee_name_upper_trgm "
    "ON positions_employee USING gin (UPPER(name) gin_trgm_ops)"
)
DROP_TRIGRAM_INDEX = "DROP INDEX IF EXISTS employee_name_upper_trgm"


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("positions", "0001_initial"),
        ("positions", "0002_anjab_requirements_competencies_abk"),
        ("positions", "0003_seed_competency_dictionary"),
        ("positions", "0004_import_batch"),
        ("positions", "0005_invariant_constraints"),
        ("positions", "0006_employee_name_trigram_index"),
        ("positions", "0007_importbatch_queued"),
        ("positions", "0008_text_length_limits"),
        ("positions", "0009_bup_table_and_pppk_contract_end"),
        ("positions", "0010_peta_job"),
        ("positions", "0011_jpt_selection"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="OrgUnit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("path", models.CharField(max_length=255, unique=True)),
                ("depth", models.PositiveIntegerField()),
                ("numchild", models.PositiveIntegerField(default=0)),
                ("code", models.CharField(max_length=40, unique=True, verbose_name="kode")),
                ("name", models.CharField(max_length=200, verbose_name="nama")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("instansi", "Instansi"),
                            ("perangkat_daerah", "Perangkat daerah"),
                            ("unit", "Unit (bidang/bagian)"),
                            ("sub_unit", "Sub-unit (subbidang/seksi/subbagian)"),
                            ("uptd", "UPTD"),
                        ],
                        max_length=20,
                        verbose_name="jenis",
                    ),
                ),
                ("closed_at", models.DateField(blank=True, null=True, verbose_name="ditutup pada")),
            ],
            options={
                "verbose_name": "unit organisasi",
                "verbose_name_plural": "unit organisasi",
                "indexes": [
                    models.Index(
                        fields=["path"],
                        name="orgunit_path_prefix",
                        opclasses=["varchar_pattern_ops"],
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Employee",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nip", models.CharField(max_length=18, unique=True, verbose_name="NIP / NI PPPK")),
                (
                    "name",
                    models.CharField(
                        db_index=True, max_length=150, verbose_name="nama (tanpa gelar)"
                    ),
                ),
                (
                    "gelar_depan",
                    models.CharField(blank=True, max_length=30, verbose_name="gelar depan"),
                ),
                (
                    "gelar_belakang",
                    models.CharField(blank=True, max_length=60, verbose_name="gelar belakang"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("pns", "PNS"), ("cpns", "CPNS"), ("pppk", "PPPK")],
                        max_length=4,
                        verbose_name="status kepegawaian",
                    ),
                ),
                (
                    "gender",
                    models.CharField(
                        choices=[("L", "Laki-laki"), ("P", "Perempuan")],
                        max_length=1,
                        verbose_name="jenis kelamin",
                    ),
                ),
                ("birth_date", models.DateField(verbose_name="tanggal lahir")),
                (
                    "birth_place",
                    models.CharField(blank=True, max_length=100, verbose_name="tempat lahir"),
                ),
                (
                    "golongan",
                    models.CharField(
                        choices=[
                            ("11", "I/a – Juru Muda"),
                            ("12", "I/b – Juru Muda Tingkat I"),
                            ("13", "I/c – Juru"),
                            ("14", "I/d – Juru Tingkat I"),
                            ("21", "II/a – Pengatur Muda"),
                            ("22", "II/b – Pengatur Muda Tingkat I"),
                            ("23", "II/c – Pengatur"),
                            ("24", "II/d – Pengatur Tingkat I"),
                            ("31", "III/a – Penata Muda"),
                            ("32", "III/b – Penata Muda Tingkat I"),
                            ("33", "III/c – Penata"),
                            ("34", "III/d – Penata Tingkat I"),
                            ("41", "IV/a – Pembina"),
                            ("42", "IV/b – Pembina Tingkat I"),
                            ("43", "IV/c – Pembina Utama Muda"),
                            ("44", "IV/d – Pembina Utama Madya"),
                            ("45", "IV/e – Pembina Utama"),
                            ("P01", "PPPK I"),
                            ("P02", "PPPK II"),
                            ("P03", "PPPK III"),
                            ("P04", "PPPK IV"),
                            ("P05", "PPPK V"),
                            ("P06", "PPPK VI"),
                            ("P07", "PPPK VII"),
                            ("P08", "PPPK VIII"),
                            ("P09", "PPPK IX"),
                            ("P10", "PPPK X"),
                            ("P11", "PPPK XI"),
                            ("P12", "PPPK XII"),
                            ("P13", "PPPK XIII"),
                            ("P14", "PPPK XIV"),
                            ("P15", "PPPK XV"),
                            ("P16", "PPPK XVI"),
                            ("P17", "PPPK XVII"),
                        ],
                        max_length=3,
                        verbose_name="golongan",
                    ),
                ),
                (
                    "tmt_golongan",
                    models.DateField(blank=True, null=True, verbose_name="TMT golongan"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("aktif", "Aktif"),
                            ("cltn", "Cuti di luar tanggungan negara"),
                            ("pensiun", "Pensiun"),
                            ("mutasi_keluar", "Mutasi keluar"),
                            ("berhenti", "Diberhentikan"),
                            ("meninggal", "Meninggal dunia"),
                        ],
                        db_index=True,
                        default="aktif",
                        max_length=15,
                        verbose_name="status",
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                (
                    "user",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="employee",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="akun",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="employees",
                        to="positions.orgunit",
                        verbose_name="unit kerja",
                    ),
                ),
                (
                    "latest_predikat",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("sangat_baik", "Sangat Baik"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang/Misconduct"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                        verbose_name="predikat kinerja terakhir",
                    ),
                ),
                (
                    "latest_predikat_year",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="tahun predikat"
                    ),
                ),
                (
                    "contract_end",
                    models.DateField(
                        blank=True,
                        help_text="Hanya untuk PPPK: tanggal berakhirnya perjanjian kerja.",
                        null=True,
                        verbose_name="akhir perjanjian kerja (PPPK)",
                    ),
                ),
            ],
            options={
                "verbose_name": "pegawai",
                "verbose_name_plural": "pegawai",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="EducationField",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=20, unique=True, verbose_name="kode")),
                ("name", models.CharField(max_length=150, verbose_name="program studi")),
                ("group", models.CharField(db_index=True, max_length=40, verbose_name="rumpun")),
            ],
            options={
                "verbose_name": "bidang pendidikan",
                "verbose_name_plural": "bidang pendidikan",
                "ordering": ["group", "name"],
            },
        ),
        migrations.CreateModel(
            name="Competency",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=20, unique=True, verbose_name="kode")),
                ("name", models.CharField(max_length=150, verbose_name="nama")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("teknis", "Teknis"),
                            ("manajerial", "Manajerial"),
                            ("sosial_kultural", "Sosial kultural"),
                        ],
                        max_length=20,
                        verbose_name="jenis",
                    ),
                ),
                (
                    "definition",
                    models.TextField(blank=True, max_length=4000, verbose_name="definisi"),
                ),
            ],
            options={
                "verbose_name": "kompetensi",
                "verbose_name_plural": "kompetensi",
                "ordering": ["kind", "code"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("definition__length__lte", 4000)),
                        name="competency_definition_length",
                        violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="FunctionalBup",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        blank=True,
                        help_text='Ditulis seperti nama jabatan, mis. "Guru". Kosong: semua jabatan fungsional.',
                        max_length=200,
                        verbose_name="nama jabatan fungsional",
                    ),
                ),
                (
                    "jenjang",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("pemula", "Pemula"),
                            ("terampil", "Terampil"),
                            ("mahir", "Mahir"),
                            ("penyelia", "Penyelia"),
                            ("ahli_pertama", "Ahli Pertama"),
                            ("ahli_muda", "Ahli Muda"),
                            ("ahli_madya", "Ahli Madya"),
                            ("ahli_utama", "Ahli Utama"),
                        ],
                        help_text="Kosong: semua jenjang.",
                        max_length=20,
                        verbose_name="jenjang",
                    ),
                ),
                (
                    "bup_age",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(50),
                            django.core.validators.MaxValueValidator(75),
                        ],
                        verbose_name="BUP (tahun)",
                    ),
                ),
                ("legal_basis", models.CharField(max_length=200, verbose_name="dasar hukum")),
            ],
            options={
                "verbose_name": "BUP jabatan fungsional",
                "verbose_name_plural": "BUP jabatan fungsional",
                "ordering": ["name", "jenjang"],
                "constraints": [
                    models.UniqueConstraint(
                        django.db.models.functions.text.Lower("name"),
                        models.F("jenjang"),
                        name="functionalbup_unique_name_jenjang",
                        violation_error_message="Aturan BUP untuk jabatan dan jenjang ini sudah ada.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("bup_age__gte", 50), ("bup_age__lte", 75)),
                        name="functionalbup_age_50_75",
                        violation_error_message="BUP harus antara 50 dan 75 tahun.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("jenjang", ""), ("name", ""), _negated=True),
                        name="functionalbup_names_something",
                        violation_error_message="Isi nama jabatan fungsional, jenjang, atau keduanya.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalEducation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("05", "SD"),
                            ("10", "SLTP"),
                            ("12", "SLTP Kejuruan"),
                            ("15", "SLTA"),
                            ("17", "SLTA Kejuruan"),
                            ("18", "SLTA Keguruan"),
                            ("20", "D-I"),
                            ("25", "D-II"),
                            ("30", "D-III"),
                            ("35", "D-IV"),
                            ("40", "S-1"),
                            ("45", "S-2"),
                            ("50", "S-3"),
                        ],
                        max_length=2,
                        verbose_name="tingkat",
                    ),
                ),
                (
                    "institution",
                    models.CharField(blank=True, max_length=200, verbose_name="lembaga pendidikan"),
                ),
                ("graduation_year", models.PositiveSmallIntegerField(verbose_name="tahun lulus")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
                (
                    "field",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.educationfield",
                        verbose_name="bidang/program studi",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical riwayat pendidikan",
                "verbose_name_plural": "historical riwayat pendidikan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEmployeeCompetency",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="level",
                    ),
                ),
                ("assessed_on", models.DateField(verbose_name="tanggal penilaian")),
                (
                    "source",
                    models.CharField(
                        default="Assessment center", max_length=100, verbose_name="sumber"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "competency",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.competency",
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical kompetensi pegawai",
                "verbose_name_plural": "historical kompetensi pegawai",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalFunctionalBup",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        blank=True,
                        help_text='Ditulis seperti nama jabatan, mis. "Guru". Kosong: semua jabatan fungsional.',
                        max_length=200,
                        verbose_name="nama jabatan fungsional",
                    ),
                ),
                (
                    "jenjang",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("pemula", "Pemula"),
                            ("terampil", "Terampil"),
                            ("mahir", "Mahir"),
                            ("penyelia", "Penyelia"),
                            ("ahli_pertama", "Ahli Pertama"),
                            ("ahli_muda", "Ahli Muda"),
                            ("ahli_madya", "Ahli Madya"),
                            ("ahli_utama", "Ahli Utama"),
                        ],
                        help_text="Kosong: semua jenjang.",
                        max_length=20,
                        verbose_name="jenjang",
                    ),
                ),
                (
                    "bup_age",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(50),
                            django.core.validators.MaxValueValidator(75),
                        ],
                        verbose_name="BUP (tahun)",
                    ),
                ),
                ("legal_basis", models.CharField(max_length=200, verbose_name="dasar hukum")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical BUP jabatan fungsional",
                "verbose_name_plural": "historical BUP jabatan fungsional",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalLeadershipTraining",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("pkp", "PKP (Pelatihan Kepemimpinan Pengawas / Diklatpim IV)"),
                            ("pka", "PKA (Pelatihan Kepemimpinan Administrator / Diklatpim III)"),
                            ("pkn2", "PKN Tingkat II (Diklatpim II)"),
                            ("pkn1", "PKN Tingkat I (Diklatpim I)"),
                        ],
                        max_length=5,
                        verbose_name="pelatihan",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                (
                    "certificate_number",
                    models.CharField(blank=True, max_length=100, verbose_name="nomor sertifikat"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical pelatihan kepemimpinan",
                "verbose_name_plural": "historical pelatihan kepemimpinan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOrgUnit",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("path", models.CharField(db_index=True, max_length=255)),
                ("depth", models.PositiveIntegerField()),
                ("numchild", models.PositiveIntegerField(default=0)),
                ("code", models.CharField(db_index=True, max_length=40, verbose_name="kode")),
                ("name", models.CharField(max_length=200, verbose_name="nama")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("instansi", "Instansi"),
                            ("perangkat_daerah", "Perangkat daerah"),
                            ("unit", "Unit (bidang/bagian)"),
                            ("sub_unit", "Sub-unit (subbidang/seksi/subbagian)"),
                            ("uptd", "UPTD"),
                        ],
                        max_length=20,
                        verbose_name="jenis",
                    ),
                ),
                ("closed_at", models.DateField(blank=True, null=True, verbose_name="ditutup pada")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical unit organisasi",
                "verbose_name_plural": "historical unit organisasi",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="JptSelection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("terbuka", "Seleksi terbuka"),
                            ("suksesi", "Kelompok rencana suksesi"),
                        ],
                        default="terbuka",
                        max_length=10,
                        verbose_name="cara pengisian",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("persiapan", "Persiapan (daftar calon dan panitia)"),
                            ("diusulkan", "Tiga nama diusulkan kepada PPK"),
                            ("ditetapkan", "Ditetapkan PPK"),
                            ("selesai", "Selesai (pejabat ditempatkan)"),
                            ("dibatalkan", "Dibatalkan"),
                        ],
                        default="persiapan",
                        max_length=12,
                        verbose_name="tahap",
                    ),
                ),
                (
                    "announcement_number",
                    models.CharField(blank=True, max_length=100, verbose_name="nomor pengumuman"),
                ),
                ("opened_on", models.DateField(verbose_name="tanggal dibuka")),
                (
                    "report_number",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="nomor berita acara panitia"
                    ),
                ),
                (
                    "proposed_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="tanggal usulan kepada PPK"
                    ),
                ),
                (
                    "sk_number",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="nomor SK pengangkatan"
                    ),
                ),
                ("sk_date", models.DateField(blank=True, null=True, verbose_name="tanggal SK")),
                ("tmt", models.DateField(blank=True, null=True, verbose_name="TMT pelantikan")),
                (
                    "cancel_reason",
                    models.CharField(blank=True, max_length=300, verbose_name="alasan pembatalan"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "chosen",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.employee",
                        verbose_name="calon terpilih",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "seleksi JPT",
                "verbose_name_plural": "seleksi JPT",
                "ordering": ["-opened_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalSelectionCommitteeMember",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=150, verbose_name="nama")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("ketua", "Ketua"),
                            ("sekretaris", "Sekretaris"),
                            ("anggota", "Anggota"),
                        ],
                        max_length=10,
                        verbose_name="kedudukan",
                    ),
                ),
                (
                    "unsur",
                    models.CharField(
                        choices=[("internal", "Internal instansi"), ("eksternal", "Eksternal")],
                        max_length=10,
                        verbose_name="unsur",
                    ),
                ),
                (
                    "origin",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="jabatan/instansi asal"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "selection",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.jptselection",
                        verbose_name="seleksi",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical anggota panitia seleksi",
                "verbose_name_plural": "historical anggota panitia seleksi",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSelectionCandidate",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("peringkat", "Peringkat kandidat"),
                            ("suksesi", "Kelompok rencana suksesi"),
                        ],
                        max_length=10,
                        verbose_name="asal",
                    ),
                ),
                (
                    "listed_rank",
                    models.PositiveSmallIntegerField(verbose_name="urutan dalam daftar calon"),
                ),
                (
                    "score",
                    models.DecimalField(
                        decimal_places=1, max_digits=5, verbose_name="skor saat didaftar"
                    ),
                ),
                (
                    "proposed_rank",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="urutan usulan"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "selection",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.jptselection",
                        verbose_name="seleksi",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical calon seleksi JPT",
                "verbose_name_plural": "historical calon seleksi JPT",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEmployee",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "nip",
                    models.CharField(db_index=True, max_length=18, verbose_name="NIP / NI PPPK"),
                ),
                (
                    "name",
                    models.CharField(
                        db_index=True, max_length=150, verbose_name="nama (tanpa gelar)"
                    ),
                ),
                (
                    "gelar_depan",
                    models.CharField(blank=True, max_length=30, verbose_name="gelar depan"),
                ),
                (
                    "gelar_belakang",
                    models.CharField(blank=True, max_length=60, verbose_name="gelar belakang"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("pns", "PNS"), ("cpns", "CPNS"), ("pppk", "PPPK")],
                        max_length=4,
                        verbose_name="status kepegawaian",
                    ),
                ),
                (
                    "gender",
                    models.CharField(
                        choices=[("L", "Laki-laki"), ("P", "Perempuan")],
                        max_length=1,
                        verbose_name="jenis kelamin",
                    ),
                ),
                ("birth_date", models.DateField(verbose_name="tanggal lahir")),
                (
                    "birth_place",
                    models.CharField(blank=True, max_length=100, verbose_name="tempat lahir"),
                ),
                (
                    "golongan",
                    models.CharField(
                        choices=[
                            ("11", "I/a – Juru Muda"),
                            ("12", "I/b – Juru Muda Tingkat I"),
                            ("13", "I/c – Juru"),
                            ("14", "I/d – Juru Tingkat I"),
                            ("21", "II/a – Pengatur Muda"),
                            ("22", "II/b – Pengatur Muda Tingkat I"),
                            ("23", "II/c – Pengatur"),
                            ("24", "II/d – Pengatur Tingkat I"),
                            ("31", "III/a – Penata Muda"),
                            ("32", "III/b – Penata Muda Tingkat I"),
                            ("33", "III/c – Penata"),
                            ("34", "III/d – Penata Tingkat I"),
                            ("41", "IV/a – Pembina"),
                            ("42", "IV/b – Pembina Tingkat I"),
                            ("43", "IV/c – Pembina Utama Muda"),
                            ("44", "IV/d – Pembina Utama Madya"),
                            ("45", "IV/e – Pembina Utama"),
                            ("P01", "PPPK I"),
                            ("P02", "PPPK II"),
                            ("P03", "PPPK III"),
                            ("P04", "PPPK IV"),
                            ("P05", "PPPK V"),
                            ("P06", "PPPK VI"),
                            ("P07", "PPPK VII"),
                            ("P08", "PPPK VIII"),
                            ("P09", "PPPK IX"),
                            ("P10", "PPPK X"),
                            ("P11", "PPPK XI"),
                            ("P12", "PPPK XII"),
                            ("P13", "PPPK XIII"),
                            ("P14", "PPPK XIV"),
                            ("P15", "PPPK XV"),
                            ("P16", "PPPK XVI"),
                            ("P17", "PPPK XVII"),
                        ],
                        max_length=3,
                        verbose_name="golongan",
                    ),
                ),
                (
                    "tmt_golongan",
                    models.DateField(blank=True, null=True, verbose_name="TMT golongan"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("aktif", "Aktif"),
                            ("cltn", "Cuti di luar tanggungan negara"),
                            ("pensiun", "Pensiun"),
                            ("mutasi_keluar", "Mutasi keluar"),
                            ("berhenti", "Diberhentikan"),
                            ("meninggal", "Meninggal dunia"),
                        ],
                        db_index=True,
                        default="aktif",
                        max_length=15,
                        verbose_name="status",
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="akun",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.orgunit",
                        verbose_name="unit kerja",
                    ),
                ),
                (
                    "latest_predikat",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("sangat_baik", "Sangat Baik"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang/Misconduct"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                        verbose_name="predikat kinerja terakhir",
                    ),
                ),
                (
                    "latest_predikat_year",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="tahun predikat"
                    ),
                ),
                (
                    "contract_end",
                    models.DateField(
                        blank=True,
                        help_text="Hanya untuk PPPK: tanggal berakhirnya perjanjian kerja.",
                        null=True,
                        verbose_name="akhir perjanjian kerja (PPPK)",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical pegawai",
                "verbose_name_plural": "historical pegawai",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PetaJob",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("antri", "Menunggu"),
                            ("berjalan", "Berjalan"),
                            ("selesai", "Selesai"),
                            ("gagal", "Gagal"),
                        ],
                        default="antri",
                        max_length=10,
                    ),
                ),
                ("run", models.PositiveIntegerField(default=1)),
                ("total", models.PositiveIntegerField(default=0, verbose_name="lembar")),
                ("done", models.PositiveIntegerField(default=0, verbose_name="lembar tercetak")),
                (
                    "file",
                    models.FileField(
                        blank=True, upload_to=positions.models.peta_job.peta_file_path
                    ),
                ),
                ("error", models.TextField(blank=True, max_length=4000)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("started_at", models.DateTimeField(blank=True, null=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                (
                    "requested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="peta_jobs",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.orgunit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "pekerjaan cetak peta jabatan",
                "verbose_name_plural": "pekerjaan cetak peta jabatan",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Placement",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("definitif", "Definitif"),
                            ("plt", "Pelaksana Tugas (Plt)"),
                            ("plh", "Pelaksana Harian (Plh)"),
                        ],
                        max_length=10,
                        verbose_name="jenis penempatan",
                    ),
                ),
                ("start_date", models.DateField(verbose_name="TMT")),
                (
                    "end_date",
                    models.DateField(blank=True, null=True, verbose_name="tanggal berakhir"),
                ),
                (
                    "end_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("mutasi", "Mutasi/promosi"),
                            ("pensiun", "Pensiun"),
                            ("mutasi_keluar", "Mutasi keluar instansi"),
                            ("berhenti", "Diberhentikan"),
                            ("meninggal", "Meninggal dunia"),
                            ("selesai", "Penugasan selesai"),
                        ],
                        max_length=15,
                        verbose_name="alasan berakhir",
                    ),
                ),
                ("sk_number", models.CharField(max_length=100, verbose_name="nomor SK")),
                ("sk_date", models.DateField(verbose_name="tanggal SK")),
                ("is_structural", models.BooleanField(default=False, editable=False)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="placements",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
            ],
            options={
                "verbose_name": "penempatan (riwayat jabatan)",
                "verbose_name_plural": "penempatan (riwayat jabatan)",
                "ordering": ["-start_date", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="jptselection",
            name="placement",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="selection",
                to="positions.placement",
                verbose_name="penempatan",
            ),
        ),
        migrations.CreateModel(
            name="Position",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=60, unique=True, verbose_name="kode")),
                ("name", models.CharField(max_length=200, verbose_name="nama jabatan")),
                (
                    "jenis",
                    models.CharField(
                        choices=[
                            ("jpt_utama", "JPT Utama"),
                            ("jpt_madya", "JPT Madya"),
                            ("jpt_pratama", "JPT Pratama"),
                            ("administrator", "Administrator"),
                            ("pengawas", "Pengawas"),
                            ("pelaksana", "Pelaksana"),
                            ("fungsional", "Fungsional"),
                        ],
                        max_length=20,
                        verbose_name="jenis jabatan",
                    ),
                ),
                (
                    "jenjang",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("pemula", "Pemula"),
                            ("terampil", "Terampil"),
                            ("mahir", "Mahir"),
                            ("penyelia", "Penyelia"),
                            ("ahli_pertama", "Ahli Pertama"),
                            ("ahli_muda", "Ahli Muda"),
                            ("ahli_madya", "Ahli Madya"),
                            ("ahli_utama", "Ahli Utama"),
                        ],
                        max_length=20,
                        verbose_name="jenjang",
                    ),
                ),
                ("kelas", models.PositiveSmallIntegerField(verbose_name="kelas jabatan")),
                (
                    "kebutuhan",
                    models.PositiveSmallIntegerField(default=1, verbose_name="kebutuhan (ABK)"),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="aktif")),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="positions.position",
                        verbose_name="jabatan atasan",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="positions",
                        to="positions.orgunit",
                        verbose_name="unit",
                    ),
                ),
                (
                    "ikhtisar",
                    models.TextField(blank=True, max_length=4000, verbose_name="ikhtisar jabatan"),
                ),
                (
                    "min_education_level",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("05", "SD"),
                            ("10", "SLTP"),
                            ("12", "SLTP Kejuruan"),
                            ("15", "SLTA"),
                            ("17", "SLTA Kejuruan"),
                            ("18", "SLTA Keguruan"),
                            ("20", "D-I"),
                            ("25", "D-II"),
                            ("30", "D-III"),
                            ("35", "D-IV"),
                            ("40", "S-1"),
                            ("45", "S-2"),
                            ("50", "S-3"),
                        ],
                        max_length=2,
                        verbose_name="pendidikan minimal",
                    ),
                ),
                (
                    "min_golongan",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("11", "I/a – Juru Muda"),
                            ("12", "I/b – Juru Muda Tingkat I"),
                            ("13", "I/c – Juru"),
                            ("14", "I/d – Juru Tingkat I"),
                            ("21", "II/a – Pengatur Muda"),
                            ("22", "II/b – Pengatur Muda Tingkat I"),
                            ("23", "II/c – Pengatur"),
                            ("24", "II/d – Pengatur Tingkat I"),
                            ("31", "III/a – Penata Muda"),
                            ("32", "III/b – Penata Muda Tingkat I"),
                            ("33", "III/c – Penata"),
                            ("34", "III/d – Penata Tingkat I"),
                            ("41", "IV/a – Pembina"),
                            ("42", "IV/b – Pembina Tingkat I"),
                            ("43", "IV/c – Pembina Utama Muda"),
                            ("44", "IV/d – Pembina Utama Madya"),
                            ("45", "IV/e – Pembina Utama"),
                        ],
                        max_length=3,
                        verbose_name="golongan minimal (PNS)",
                    ),
                ),
                (
                    "uraian_tugas",
                    models.TextField(blank=True, max_length=10000, verbose_name="uraian tugas"),
                ),
                (
                    "bup_age",
                    models.PositiveSmallIntegerField(
                        default=58, editable=False, verbose_name="BUP (tahun)"
                    ),
                ),
                (
                    "accepted_fields",
                    models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        to="positions.educationfield",
                        verbose_name="bidang pendidikan yang sesuai",
                    ),
                ),
            ],
            options={
                "verbose_name": "jabatan",
                "verbose_name_plural": "jabatan",
                "ordering": ["unit__path", "-kelas", "name"],
            },
        ),
        migrations.AddField(
            model_name="placement",
            name="position",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="placements",
                to="positions.position",
                verbose_name="jabatan",
            ),
        ),
        migrations.AddField(
            model_name="jptselection",
            name="position",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="selections",
                to="positions.position",
                verbose_name="jabatan",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalWorkloadTask",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("description", models.CharField(max_length=300, verbose_name="uraian tugas")),
                ("satuan_hasil", models.CharField(max_length=60, verbose_name="satuan hasil")),
                (
                    "volume",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=10,
                        validators=[django.core.validators.MinValueValidator(0)],
                        verbose_name="volume per tahun",
                    ),
                ),
                (
                    "norma_waktu",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=10,
                        validators=[django.core.validators.MinValueValidator(0)],
                        verbose_name="norma waktu (menit)",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "position",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.position",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical tugas ABK",
                "verbose_name_plural": "historical tugas ABK",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPosition",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(db_index=True, max_length=60, verbose_name="kode")),
                ("name", models.CharField(max_length=200, verbose_name="nama jabatan")),
                (
                    "jenis",
                    models.CharField(
                        choices=[
                            ("jpt_utama", "JPT Utama"),
                            ("jpt_madya", "JPT Madya"),
                            ("jpt_pratama", "JPT Pratama"),
                            ("administrator", "Administrator"),
                            ("pengawas", "Pengawas"),
                            ("pelaksana", "Pelaksana"),
                            ("fungsional", "Fungsional"),
                        ],
                        max_length=20,
                        verbose_name="jenis jabatan",
                    ),
                ),
                (
                    "jenjang",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("pemula", "Pemula"),
                            ("terampil", "Terampil"),
                            ("mahir", "Mahir"),
                            ("penyelia", "Penyelia"),
                            ("ahli_pertama", "Ahli Pertama"),
                            ("ahli_muda", "Ahli Muda"),
                            ("ahli_madya", "Ahli Madya"),
                            ("ahli_utama", "Ahli Utama"),
                        ],
                        max_length=20,
                        verbose_name="jenjang",
                    ),
                ),
                ("kelas", models.PositiveSmallIntegerField(verbose_name="kelas jabatan")),
                (
                    "kebutuhan",
                    models.PositiveSmallIntegerField(default=1, verbose_name="kebutuhan (ABK)"),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="aktif")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.orgunit",
                        verbose_name="unit",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.position",
                        verbose_name="jabatan atasan",
                    ),
                ),
                (
                    "ikhtisar",
                    models.TextField(blank=True, max_length=4000, verbose_name="ikhtisar jabatan"),
                ),
                (
                    "min_education_level",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("05", "SD"),
                            ("10", "SLTP"),
                            ("12", "SLTP Kejuruan"),
                            ("15", "SLTA"),
                            ("17", "SLTA Kejuruan"),
                            ("18", "SLTA Keguruan"),
                            ("20", "D-I"),
                            ("25", "D-II"),
                            ("30", "D-III"),
                            ("35", "D-IV"),
                            ("40", "S-1"),
                            ("45", "S-2"),
                            ("50", "S-3"),
                        ],
                        max_length=2,
                        verbose_name="pendidikan minimal",
                    ),
                ),
                (
                    "min_golongan",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("11", "I/a – Juru Muda"),
                            ("12", "I/b – Juru Muda Tingkat I"),
                            ("13", "I/c – Juru"),
                            ("14", "I/d – Juru Tingkat I"),
                            ("21", "II/a – Pengatur Muda"),
                            ("22", "II/b – Pengatur Muda Tingkat I"),
                            ("23", "II/c – Pengatur"),
                            ("24", "II/d – Pengatur Tingkat I"),
                            ("31", "III/a – Penata Muda"),
                            ("32", "III/b – Penata Muda Tingkat I"),
                            ("33", "III/c – Penata"),
                            ("34", "III/d – Penata Tingkat I"),
                            ("41", "IV/a – Pembina"),
                            ("42", "IV/b – Pembina Tingkat I"),
                            ("43", "IV/c – Pembina Utama Muda"),
                            ("44", "IV/d – Pembina Utama Madya"),
                            ("45", "IV/e – Pembina Utama"),
                        ],
                        max_length=3,
                        verbose_name="golongan minimal (PNS)",
                    ),
                ),
                (
                    "uraian_tugas",
                    models.TextField(blank=True, max_length=10000, verbose_name="uraian tugas"),
                ),
                (
                    "bup_age",
                    models.PositiveSmallIntegerField(
                        default=58, editable=False, verbose_name="BUP (tahun)"
                    ),
                ),
            ],
            options={
                "verbose_name": "historical jabatan",
                "verbose_name_plural": "historical jabatan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlacement",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("definitif", "Definitif"),
                            ("plt", "Pelaksana Tugas (Plt)"),
                            ("plh", "Pelaksana Harian (Plh)"),
                        ],
                        max_length=10,
                        verbose_name="jenis penempatan",
                    ),
                ),
                ("start_date", models.DateField(verbose_name="TMT")),
                (
                    "end_date",
                    models.DateField(blank=True, null=True, verbose_name="tanggal berakhir"),
                ),
                (
                    "end_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("mutasi", "Mutasi/promosi"),
                            ("pensiun", "Pensiun"),
                            ("mutasi_keluar", "Mutasi keluar instansi"),
                            ("berhenti", "Diberhentikan"),
                            ("meninggal", "Meninggal dunia"),
                            ("selesai", "Penugasan selesai"),
                        ],
                        max_length=15,
                        verbose_name="alasan berakhir",
                    ),
                ),
                ("sk_number", models.CharField(max_length=100, verbose_name="nomor SK")),
                ("sk_date", models.DateField(verbose_name="tanggal SK")),
                ("is_structural", models.BooleanField(default=False, editable=False)),
                ("created_at", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "position",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.position",
                        verbose_name="jabatan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical penempatan (riwayat jabatan)",
                "verbose_name_plural": "historical penempatan (riwayat jabatan)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalJptSelection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("terbuka", "Seleksi terbuka"),
                            ("suksesi", "Kelompok rencana suksesi"),
                        ],
                        default="terbuka",
                        max_length=10,
                        verbose_name="cara pengisian",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("persiapan", "Persiapan (daftar calon dan panitia)"),
                            ("diusulkan", "Tiga nama diusulkan kepada PPK"),
                            ("ditetapkan", "Ditetapkan PPK"),
                            ("selesai", "Selesai (pejabat ditempatkan)"),
                            ("dibatalkan", "Dibatalkan"),
                        ],
                        default="persiapan",
                        max_length=12,
                        verbose_name="tahap",
                    ),
                ),
                (
                    "announcement_number",
                    models.CharField(blank=True, max_length=100, verbose_name="nomor pengumuman"),
                ),
                ("opened_on", models.DateField(verbose_name="tanggal dibuka")),
                (
                    "report_number",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="nomor berita acara panitia"
                    ),
                ),
                (
                    "proposed_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="tanggal usulan kepada PPK"
                    ),
                ),
                (
                    "sk_number",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="nomor SK pengangkatan"
                    ),
                ),
                ("sk_date", models.DateField(blank=True, null=True, verbose_name="tanggal SK")),
                ("tmt", models.DateField(blank=True, null=True, verbose_name="TMT pelantikan")),
                (
                    "cancel_reason",
                    models.CharField(blank=True, max_length=300, verbose_name="alasan pembatalan"),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "chosen",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                        verbose_name="calon terpilih",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "placement",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.placement",
                        verbose_name="penempatan",
                    ),
                ),
                (
                    "position",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.position",
                        verbose_name="jabatan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical seleksi JPT",
                "verbose_name_plural": "historical seleksi JPT",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PositionCompetency",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="level yang dipersyaratkan",
                    ),
                ),
                (
                    "competency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.competency",
                    ),
                ),
                (
                    "position",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="required_competencies",
                        to="positions.position",
                    ),
                ),
            ],
            options={
                "verbose_name": "kompetensi yang dipersyaratkan",
                "verbose_name_plural": "kompetensi yang dipersyaratkan",
                "ordering": ["competency__kind", "competency__code"],
            },
        ),
        migrations.CreateModel(
            name="SelectionCandidate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("peringkat", "Peringkat kandidat"),
                            ("suksesi", "Kelompok rencana suksesi"),
                        ],
                        max_length=10,
                        verbose_name="asal",
                    ),
                ),
                (
                    "listed_rank",
                    models.PositiveSmallIntegerField(verbose_name="urutan dalam daftar calon"),
                ),
                (
                    "score",
                    models.DecimalField(
                        decimal_places=1, max_digits=5, verbose_name="skor saat didaftar"
                    ),
                ),
                (
                    "proposed_rank",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="urutan usulan"
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
                (
                    "selection",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="candidates",
                        to="positions.jptselection",
                        verbose_name="seleksi",
                    ),
                ),
            ],
            options={
                "verbose_name": "calon seleksi JPT",
                "verbose_name_plural": "calon seleksi JPT",
                "ordering": ["selection", "listed_rank"],
            },
        ),
        migrations.CreateModel(
            name="SelectionCommitteeMember",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=150, verbose_name="nama")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("ketua", "Ketua"),
                            ("sekretaris", "Sekretaris"),
                            ("anggota", "Anggota"),
                        ],
                        max_length=10,
                        verbose_name="kedudukan",
                    ),
                ),
                (
                    "unsur",
                    models.CharField(
                        choices=[("internal", "Internal instansi"), ("eksternal", "Eksternal")],
                        max_length=10,
                        verbose_name="unsur",
                    ),
                ),
                (
                    "origin",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="jabatan/instansi asal"
                    ),
                ),
                (
                    "selection",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="committee",
                        to="positions.jptselection",
                        verbose_name="seleksi",
                    ),
                ),
            ],
            options={
                "verbose_name": "anggota panitia seleksi",
                "verbose_name_plural": "anggota panitia seleksi",
                "ordering": ["selection", "role", "name"],
            },
        ),
        migrations.CreateModel(
            name="WorkloadTask",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("description", models.CharField(max_length=300, verbose_name="uraian tugas")),
                ("satuan_hasil", models.CharField(max_length=60, verbose_name="satuan hasil")),
                (
                    "volume",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=10,
                        validators=[django.core.validators.MinValueValidator(0)],
                        verbose_name="volume per tahun",
                    ),
                ),
                (
                    "norma_waktu",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=10,
                        validators=[django.core.validators.MinValueValidator(0)],
                        verbose_name="norma waktu (menit)",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "position",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="workload_tasks",
                        to="positions.position",
                    ),
                ),
            ],
            options={
                "verbose_name": "tugas ABK",
                "verbose_name_plural": "tugas ABK",
                "ordering": ["position", "order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="CompetencyLevel",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="level",
                    ),
                ),
                ("description", models.TextField(max_length=2000, verbose_name="deskripsi")),
                (
                    "competency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="levels",
                        to="positions.competency",
                    ),
                ),
            ],
            options={
                "verbose_name": "level kompetensi",
                "verbose_name_plural": "level kompetensi",
                "ordering": ["competency", "level"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("competency", "level"), name="competency_level_unique"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("level__gte", 1), ("level__lte", 5)),
                        name="competency_level_1_5",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("description__length__lte", 2000)),
                        name="competency_level_description_length",
                        violation_error_message="Teks terlalu panjang: paling banyak 2.000 karakter.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Education",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("05", "SD"),
                            ("10", "SLTP"),
                            ("12", "SLTP Kejuruan"),
                            ("15", "SLTA"),
                            ("17", "SLTA Kejuruan"),
                            ("18", "SLTA Keguruan"),
                            ("20", "D-I"),
                            ("25", "D-II"),
                            ("30", "D-III"),
                            ("35", "D-IV"),
                            ("40", "S-1"),
                            ("45", "S-2"),
                            ("50", "S-3"),
                        ],
                        max_length=2,
                        verbose_name="tingkat",
                    ),
                ),
                (
                    "institution",
                    models.CharField(blank=True, max_length=200, verbose_name="lembaga pendidikan"),
                ),
                ("graduation_year", models.PositiveSmallIntegerField(verbose_name="tahun lulus")),
                (
                    "field",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.educationfield",
                        verbose_name="bidang/program studi",
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="educations",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
            ],
            options={
                "verbose_name": "riwayat pendidikan",
                "verbose_name_plural": "riwayat pendidikan",
                "ordering": ["-level", "-graduation_year"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("employee", "level", "field"),
                        name="education_unique_per_level_field",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("graduation_year__gte", 1950)),
                        name="education_graduation_from_1950",
                        violation_error_message="Tahun lulus tidak boleh sebelum 1950.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="EmployeeCompetency",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="level",
                    ),
                ),
                ("assessed_on", models.DateField(verbose_name="tanggal penilaian")),
                (
                    "source",
                    models.CharField(
                        default="Assessment center", max_length=100, verbose_name="sumber"
                    ),
                ),
                (
                    "competency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.competency",
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="competencies",
                        to="positions.employee",
                    ),
                ),
            ],
            options={
                "verbose_name": "kompetensi pegawai",
                "verbose_name_plural": "kompetensi pegawai",
                "ordering": ["competency__code", "-assessed_on"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("employee", "competency", "assessed_on"),
                        name="employee_competency_once_per_day",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("level__gte", 1), ("level__lte", 5)),
                        name="employee_competency_level_1_5",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="LeadershipTraining",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("pkp", "PKP (Pelatihan Kepemimpinan Pengawas / Diklatpim IV)"),
                            ("pka", "PKA (Pelatihan Kepemimpinan Administrator / Diklatpim III)"),
                            ("pkn2", "PKN Tingkat II (Diklatpim II)"),
                            ("pkn1", "PKN Tingkat I (Diklatpim I)"),
                        ],
                        max_length=5,
                        verbose_name="pelatihan",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                (
                    "certificate_number",
                    models.CharField(blank=True, max_length=100, verbose_name="nomor sertifikat"),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="leadership_trainings",
                        to="positions.employee",
                    ),
                ),
            ],
            options={
                "verbose_name": "pelatihan kepemimpinan",
                "verbose_name_plural": "pelatihan kepemimpinan",
                "ordering": ["-year"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("employee", "kind"), name="leadership_once_per_kind"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ImportBatch",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="diunggah pada"),
                ),
                ("filename", models.CharField(max_length=255, verbose_name="nama berkas")),
                ("rows", models.JSONField(default=list, verbose_name="baris")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("preview", "Pratinjau"),
                            ("queued", "Sedang disimpan"),
                            ("committed", "Sudah disimpan"),
                            ("failed", "Gagal"),
                        ],
                        default="preview",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "committed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="disimpan pada"),
                ),
                ("summary", models.JSONField(blank=True, default=dict, verbose_name="ringkasan")),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="import_batches",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="diunggah oleh",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="import_batches",
                        to="positions.orgunit",
                        verbose_name="lingkup unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "batch impor pegawai",
                "verbose_name_plural": "batch impor pegawai",
                "ordering": ["-created_at"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("status", "committed"), _negated=True),
                            ("committed_at__isnull", False),
                            _connector="OR",
                        ),
                        name="importbatch_committed_has_time",
                        violation_error_message="Batch yang sudah disimpan wajib mencatat waktu simpan.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="HRScope",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("pengelola", "Pengelola kepegawaian"),
                            ("pimpinan", "Pimpinan (baca saja)"),
                        ],
                        max_length=10,
                        verbose_name="peran",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="hr_scopes",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="pengguna",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="hr_scopes",
                        to="positions.orgunit",
                        verbose_name="unit (beserta bawahannya)",
                    ),
                ),
            ],
            options={
                "verbose_name": "lingkup kepegawaian",
                "verbose_name_plural": "lingkup kepegawaian",
                "constraints": [
                    models.UniqueConstraint(fields=("user", "unit", "role"), name="hrscope_unique")
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="employee",
            constraint=models.CheckConstraint(
                condition=models.Q(("nip__length", 18)), name="employee_nip_18_digits"
            ),
        ),
        migrations.AddConstraint(
            model_name="employee",
            constraint=models.CheckConstraint(
                condition=models.Q(("nip__regex", "^[0-9]{18}$")),
                name="employee_nip_digits_only",
                violation_error_message="NIP / NI PPPK harus terdiri dari 18 angka.",
            ),
        ),
        migrations.AddConstraint(
            model_name="employee",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "pppk"), ("golongan__startswith", "P")),
                    models.Q(
                        models.Q(("kind", "pppk"), _negated=True),
                        models.Q(("golongan__startswith", "P"), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="employee_golongan_matches_kind",
            ),
        ),
        migrations.AddConstraint(
            model_name="employee",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("kind", "pppk"), ("contract_end__isnull", True), _connector="OR"
                ),
                name="employee_contract_end_only_pppk",
                violation_error_message="Akhir perjanjian kerja hanya untuk PPPK.",
            ),
        ),
        migrations.AddIndex(
            model_name="petajob",
            index=models.Index(
                fields=["unit", "-created_at"], name="positions_p_unit_id_360966_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="petajob",
            constraint=models.CheckConstraint(
                condition=models.Q(("error__length__lte", 4000)),
                name="petajob_error_length",
                violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="position",
            constraint=models.CheckConstraint(
                condition=models.Q(("kelas__gte", 1), ("kelas__lte", 17)),
                name="position_kelas_1_17",
            ),
        ),
        migrations.AddConstraint(
            model_name="position",
            constraint=models.CheckConstraint(
                condition=models.Q(("ikhtisar__length__lte", 4000)),
                name="position_ikhtisar_length",
                violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="position",
            constraint=models.CheckConstraint(
                condition=models.Q(("uraian_tugas__length__lte", 10000)),
                name="position_uraian_tugas_length",
                violation_error_message="Teks terlalu panjang: paling banyak 10.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="position",
            constraint=models.CheckConstraint(
                condition=models.Q(("jenis", "fungsional"), ("jenjang", ""), _connector="OR"),
                name="position_jenjang_only_fungsional",
            ),
        ),
        migrations.AddConstraint(
            model_name="position",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("jenis", "fungsional"), _negated=True),
                    models.Q(("jenjang", ""), _negated=True),
                    _connector="OR",
                ),
                name="position_fungsional_has_jenjang",
            ),
        ),
        migrations.AddConstraint(
            model_name="position",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        (
                            "jenis__in",
                            ("jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"),
                        ),
                        _negated=True,
                    ),
                    ("kebutuhan", 1),
                    _connector="OR",
                ),
                name="position_structural_kebutuhan_1",
            ),
        ),
        migrations.AddConstraint(
            model_name="position",
            constraint=models.CheckConstraint(
                condition=models.Q(("parent", models.F("pk")), _negated=True),
                name="position_not_own_parent",
                violation_error_message="Jabatan tidak dapat menjadi atasan dirinya sendiri.",
            ),
        ),
        migrations.AddIndex(
            model_name="placement",
            index=models.Index(fields=["position", "end_date"], name="placement_position_open"),
        ),
        migrations.AddConstraint(
            model_name="placement",
            constraint=models.UniqueConstraint(
                condition=models.Q(("end_date__isnull", True), ("kind", "definitif")),
                fields=("employee",),
                name="placement_one_open_definitive_per_employee",
                violation_error_message="Pegawai ini sudah memiliki jabatan definitif yang aktif.",
            ),
        ),
        migrations.AddConstraint(
            model_name="placement",
            constraint=models.UniqueConstraint(
                condition=models.Q(
                    ("end_date__isnull", True), ("is_structural", True), ("kind", "definitif")
                ),
                fields=("position",),
                name="placement_one_definitive_holder_per_structural_position",
                violation_error_message="Jabatan struktural ini sudah memiliki pejabat definitif.",
            ),
        ),
        migrations.AddConstraint(
            model_name="placement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("end_date__gte", models.F("start_date")),
                    _connector="OR",
                ),
                name="placement_end_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="placement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", False), ("end_reason", ""), _connector="OR"
                ),
                name="placement_reason_only_when_ended",
                violation_error_message="Alasan berakhir hanya diisi untuk penempatan yang sudah berakhir.",
            ),
        ),
        migrations.AddConstraint(
            model_name="jptselection",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ("persiapan", "diusulkan", "ditetapkan"))),
                fields=("position",),
                name="jpt_selection_one_open_per_position",
                violation_error_message="Jabatan ini sudah memiliki seleksi yang sedang berjalan.",
            ),
        ),
        migrations.AddConstraint(
            model_name="jptselection",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status__in", ("ditetapkan", "selesai")), _negated=True),
                    models.Q(
                        ("chosen__isnull", False),
                        ("sk_date__isnull", False),
                        ("tmt__isnull", False),
                        models.Q(("sk_number", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="jpt_selection_decided_has_sk",
                violation_error_message="Penetapan PPK memerlukan calon terpilih dan SK.",
            ),
        ),
        migrations.AddConstraint(
            model_name="jptselection",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "selesai"), _negated=True),
                    ("placement__isnull", False),
                    _connector="OR",
                ),
                name="jpt_selection_done_has_placement",
            ),
        ),
        migrations.AddConstraint(
            model_name="positioncompetency",
            constraint=models.UniqueConstraint(
                fields=("position", "competency"),
                name="position_competency_unique",
                violation_error_message="Kompetensi ini sudah dipersyaratkan untuk jabatan ini.",
            ),
        ),
        migrations.AddConstraint(
            model_name="positioncompetency",
            constraint=models.CheckConstraint(
                condition=models.Q(("level__gte", 1), ("level__lte", 5)),
                name="position_competency_level_1_5",
            ),
        ),
        migrations.AddConstraint(
            model_name="selectioncandidate",
            constraint=models.UniqueConstraint(
                fields=("selection", "employee"), name="selection_candidate_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="selectioncandidate",
            constraint=models.UniqueConstraint(
                condition=models.Q(("proposed_rank__isnull", False)),
                fields=("selection", "proposed_rank"),
                name="selection_candidate_proposed_rank_unique",
            ),
        ),
        migrations.AddConstraint(
            model_name="selectioncandidate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("proposed_rank__isnull", True),
                    models.Q(("proposed_rank__gte", 1), ("proposed_rank__lte", 3)),
                    _connector="OR",
                ),
                name="selection_candidate_proposed_rank_1_3",
            ),
        ),
        migrations.AddConstraint(
            model_name="selectioncommitteemember",
            constraint=models.UniqueConstraint(
                condition=models.Q(("role", "ketua")),
                fields=("selection",),
                name="selection_committee_one_ketua",
                violation_error_message="Panitia seleksi hanya memiliki satu ketua.",
            ),
        ),
        migrations.AddConstraint(
            model_name="workloadtask",
            constraint=models.CheckConstraint(
                condition=models.Q(("norma_waktu__gte", 0), ("volume__gte", 0)),
                name="workload_non_negative",
            ),
        ),
        migrations.RunPython(seed_competency_dictionary, migrations.RunPython.noop),
        migrations.RunPython(seed_bup_table, migrations.RunPython.noop),
        TrigramExtension(),
        migrations.RunPython(
            _on_postgresql(CREATE_TRIGRAM_INDEX), _on_postgresql(DROP_TRIGRAM_INDEX)
        ),
    ]
