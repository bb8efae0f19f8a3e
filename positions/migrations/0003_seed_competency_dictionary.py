"""Seed the kamus kompetensi: M.1–M.8 and SK.1 (PermenPANRB 38/2017) and example
kompetensi teknis, with level 1–5 descriptions. Data is inlined (never import app code in a
migration); later wording changes go in a new data migration."""

from django.db import migrations

# (code, name, kind, definition, [level 1 … level 5])
COMPETENCIES = [('M.1',
  'Integritas',
  'manajerial',
  'Konsisten berperilaku selaras dengan nilai, norma dan/atau etika organisasi, dan jujur '
  'dalam hubungan dengan manajemen, rekan kerja, bawahan langsung, dan pemangku kepentingan, '
  'menciptakan budaya etika tinggi, bertanggung jawab atas tindakan atau keputusan beserta '
  'risiko yang menyertainya.',
  ['Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi.',
   'Mampu mengingatkan, mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika '
   'organisasi.',
   'Mampu memastikan, menanamkan keyakinan bersama agar anggota yang dipimpin bertindak sesuai '
   'nilai, norma, dan etika organisasi, dalam lingkup formal.',
   'Mampu menciptakan situasi kerja yang mendorong kepatuhan pada nilai, norma, dan etika '
   'organisasi.',
   'Mampu menjadi role model dalam penerapan standar keadilan dan etika di tingkat nasional.']),
 ('M.2',
  'Kerja Sama',
  'manajerial',
  'Kemampuan menjalin, membina, mempertahankan hubungan kerja yang efektif, memiliki komitmen '
  'saling membantu dalam penyelesaian tugas, dan mengoptimalkan segala sumber daya untuk '
  'mencapai tujuan strategis organisasi.',
  ['Mampu berpartisipasi dalam kelompok kerja.',
   'Mampu menumbuhkan tim kerja yang partisipatif dan efektif.',
   'Mampu membangun tim kerja secara efektif untuk peningkatan kinerja organisasi.',
   'Mampu membangun komitmen tim dan sinergi.',
   'Mampu menciptakan situasi kerja sama secara konsisten, baik di dalam maupun di luar '
   'instansi.']),
 ('M.3',
  'Komunikasi',
  'manajerial',
  'Kemampuan untuk menerangkan pandangan dan gagasan secara jelas, sistematis disertai '
  'argumentasi yang logis dengan cara-cara yang sesuai baik secara lisan maupun tertulis; '
  'memastikan pemahaman; mendengarkan secara aktif dan efektif; mempersuasi, meyakinkan dan '
  'membujuk orang lain dalam rangka mencapai tujuan organisasi.',
  ['Mampu menyampaikan informasi dengan jelas, lengkap, pemahaman yang sama.',
   'Mampu aktif menjalankan komunikasi secara formal dan informal; bersedia mendengarkan orang '
   'lain, menginterpretasikan pesan dengan respons yang sesuai, serta menyusun materi '
   'presentasi, pidato, naskah, laporan, dan sejenisnya.',
   'Mampu berkomunikasi secara asertif, terampil berkomunikasi lisan/tertulis untuk '
   'menyampaikan informasi yang sensitif/rumit/kompleks.',
   'Mampu mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk mendorong '
   'kesepakatan dengan tujuan meningkatkan kinerja secara keseluruhan.',
   'Mampu menggagas sistem komunikasi yang terbuka secara strategis untuk mencari solusi '
   'dengan tujuan meningkatkan kinerja.']),
 ('M.4',
  'Orientasi pada Hasil',
  'manajerial',
  'Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat '
  'diandalkan, bertanggung jawab, mampu secara sistematis mengidentifikasi risiko dan peluang '
  'dengan memperhatikan keterhubungan antara perencanaan dan hasil, untuk keberhasilan '
  'organisasi.',
  ['Mampu bertanggung jawab untuk memenuhi standar kerja.',
   'Mampu berupaya meningkatkan hasil kerja pribadi yang lebih tinggi dari standar yang '
   'ditetapkan, mencari, mencoba metode alternatif untuk peningkatan kinerja.',
   'Mampu menetapkan target kerja yang menantang bagi unit kerja, memberi apresiasi dan '
   'teguran untuk mendorong kinerja.',
   'Mampu mendorong unit kerja mencapai target yang ditetapkan atau melebihi hasil kerja '
   'sebelumnya.',
   'Mampu meningkatkan mutu pencapaian kerja organisasi.']),
 ('M.5',
  'Pelayanan Publik',
  'manajerial',
  'Kemampuan dalam melaksanakan tugas-tugas pemerintahan, pembangunan dan kegiatan pemenuhan '
  'kebutuhan pelayanan publik secara profesional, transparan, mengikuti standar pelayanan yang '
  'objektif, netral, tidak memihak, tidak diskriminatif, serta tidak terpengaruh kepentingan '
  'pribadi/kelompok/golongan/partai politik.',
  ['Mampu menjalankan tugas mengikuti standar pelayanan.',
   'Mampu menyupervisi/mengawasi/menyelia dan menjelaskan proses pelaksanaan tugas-tugas '
   'pemerintahan/pelayanan publik secara transparan.',
   'Mampu memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan publik di lingkup '
   'unit kerja.',
   'Mampu memonitor, mengevaluasi, memperhitungkan dan mengantisipasi dampak dari isu-isu '
   'jangka panjang, kesempatan, atau kekuatan politik dalam hal pelayanan kebutuhan pemangku '
   'kepentingan yang transparan, objektif, dan profesional.',
   'Mampu memastikan kebijakan-kebijakan pelayanan publik yang menjamin terselenggaranya '
   'pelayanan publik yang objektif, netral, tidak memihak, tidak diskriminatif, serta tidak '
   'terpengaruh kepentingan pribadi/kelompok/partai politik.']),
 ('M.6',
  'Pengembangan Diri dan Orang Lain',
  'manajerial',
  'Kemampuan untuk meningkatkan pengetahuan dan menyempurnakan keterampilan diri; '
  'menginspirasi orang lain untuk mengembangkan dan menyempurnakan pengetahuan dan '
  'keterampilan yang relevan dengan pekerjaan dan pengembangan karier jangka panjang, '
  'mendorong kemauan belajar sepanjang hidup, memberikan saran/bantuan, umpan balik, bimbingan '
  'untuk membantu orang lain mengembangkan potensi dirinya.',
  ['Mampu melakukan pengembangan diri.',
   'Mampu meningkatkan kemampuan bawahan dengan memberikan contoh dan penjelasan cara '
   'melaksanakan suatu pekerjaan.',
   'Mampu memberikan umpan balik dan membimbing.',
   'Mampu menyusun program pengembangan jangka panjang dalam rangka mendorong manajemen '
   'pembelajaran.',
   'Mampu menciptakan situasi yang mendorong organisasi untuk mengembangkan kemampuan belajar '
   'secara berkelanjutan dalam rangka mendukung pencapaian hasil.']),
 ('M.7',
  'Mengelola Perubahan',
  'manajerial',
  'Kemampuan dalam menyesuaikan diri dengan situasi yang baru atau berubah dan tidak '
  'bergantung secara berlebihan pada metode dan proses lama, mengambil tindakan untuk '
  'mendukung dan melaksanakan inisiatif perubahan, memimpin usaha perubahan, mengambil '
  'tanggung jawab pribadi untuk memastikan perubahan berhasil diimplementasikan secara '
  'efektif.',
  ['Mampu mengikuti perubahan dengan arahan.',
   'Mampu proaktif beradaptasi mengikuti perubahan.',
   'Mampu membantu orang lain mengikuti perubahan dan mengantisipasi perubahan secara tepat.',
   'Mampu memimpin perubahan pada unit kerja.',
   'Mampu memimpin, menggalang dan menggerakkan dukungan pemangku kepentingan untuk '
   'menjalankan perubahan secara berkelanjutan pada tingkat instansi/nasional.']),
 ('M.8',
  'Pengambilan Keputusan',
  'manajerial',
  'Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah '
  'mempertimbangkan prinsip kehati-hatian, dirumuskan secara sistematis dan saksama '
  'berdasarkan berbagai informasi, alternatif pemecahan masalah dan konsekuensinya, serta '
  'bertanggung jawab atas keputusan yang diambil.',
  ['Mampu mengumpulkan informasi untuk bertindak sesuai kewenangan.',
   'Mampu menganalisis masalah secara mendalam.',
   'Mampu membandingkan berbagai alternatif dan menyeimbangkan risiko keberhasilan dalam '
   'implementasi.',
   'Mampu menyelesaikan masalah yang mengandung risiko tinggi, mengantisipasi dampak '
   'keputusan, membuat tindakan pengamanan, dan memitigasi risiko.',
   'Mampu menghasilkan solusi dan mengambil keputusan untuk mengatasi permasalahan jangka '
   'panjang/strategis, berdampak nasional.']),
 ('SK.1',
  'Perekat Bangsa',
  'sosial_kultural',
  'Kemampuan dalam mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan '
  'individu/kelompok masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam '
  'mempersatukan masyarakat dan membangun hubungan sosial psikologis dengan masyarakat di '
  'tengah kemajemukan Indonesia sehingga menciptakan kelekatan yang kuat antara ASN dan para '
  'pemangku kepentingan serta di antara para pemangku kepentingan itu sendiri; menjaga, '
  'mengembangkan, dan mewujudkan rasa persatuan dan kesatuan dalam kehidupan bermasyarakat, '
  'berbangsa dan bernegara Indonesia.',
  ['Mampu peka memahami dan menerima kemajemukan.',
   'Mampu aktif mengembangkan sikap saling menghargai, menekankan persamaan dan persatuan.',
   'Mampu mempromosikan dan mengembangkan sikap toleransi dan persatuan.',
   'Mampu mendayagunakan perbedaan secara konstruktif dan kreatif untuk meningkatkan '
   'efektivitas organisasi.',
   'Mampu menjadi wakil pemerintah untuk membangun hubungan sosial psikologis.']),
 ('T.KES.1',
  'Pelayanan Kesehatan Rujukan',
  'teknis',
  'Kemampuan menyelenggarakan dan mengelola pelayanan kesehatan rujukan tingkat lanjut sesuai '
  'standar pelayanan, sistem rujukan berjenjang, dan keselamatan pasien.',
  ['Mampu menjelaskan alur dan prosedur rujukan pasien serta melaksanakan tugas administrasi '
   'rujukan sesuai SOP.',
   'Mampu melaksanakan pelayanan rujukan sesuai standar dan berkoordinasi dengan fasilitas '
   'kesehatan perujuk.',
   'Mampu mengelola pelayanan rujukan di unit kerja, termasuk mutu, keselamatan pasien, dan '
   'rujuk balik.',
   'Mampu mengevaluasi dan mengembangkan jejaring serta sistem rujukan regional di tingkat '
   'provinsi.',
   'Mampu merumuskan kebijakan dan standar sistem rujukan kesehatan serta menjadi acuan bagi '
   'instansi lain.']),
 ('T.KES.2',
  'Surveilans Epidemiologi',
  'teknis',
  'Kemampuan mengumpulkan, mengolah, menganalisis, dan menginterpretasikan data penyakit dan '
  'faktor risiko secara sistematis untuk kewaspadaan dini dan respons kesehatan masyarakat.',
  ['Mampu mengumpulkan dan mencatat data kasus penyakit sesuai format pelaporan.',
   'Mampu mengolah data surveilans dan menyajikan tren penyakit secara sederhana.',
   'Mampu menganalisis data epidemiologi, mendeteksi sinyal kewaspadaan dini, dan melaksanakan '
   'penyelidikan epidemiologi.',
   'Mampu mengelola sistem surveilans dan memimpin respons kejadian luar biasa (KLB) di '
   'tingkat provinsi.',
   'Mampu merumuskan kebijakan dan strategi surveilans serta menjadi rujukan ahli '
   'epidemiologi.']),
 ('T.KES.3',
  'Manajemen Keperawatan',
  'teknis',
  'Kemampuan merencanakan, mengorganisasi, mengarahkan, dan mengendalikan pelayanan asuhan '
  'keperawatan agar bermutu dan aman bagi pasien.',
  ['Mampu melaksanakan asuhan keperawatan dasar sesuai standar operasional prosedur.',
   'Mampu melaksanakan asuhan keperawatan secara mandiri dan mendokumentasikannya dengan '
   'lengkap.',
   'Mampu mengelola pelayanan keperawatan di ruang rawat, termasuk penjadwalan, supervisi, dan '
   'indikator mutu.',
   'Mampu mengelola pelayanan keperawatan lintas unit dan mengembangkan standar asuhan '
   'keperawatan di rumah sakit.',
   'Mampu merumuskan kebijakan dan sistem manajemen keperawatan serta menjadi acuan profesi.']),
 ('T.INF.1',
  'Tata Kelola Teknologi Informasi',
  'teknis',
  'Kemampuan menyelaraskan perencanaan, pengelolaan, dan evaluasi teknologi informasi dengan '
  'tujuan organisasi dalam kerangka Sistem Pemerintahan Berbasis Elektronik (SPBE).',
  ['Mampu memahami kebijakan dan standar teknologi informasi yang berlaku di instansi.',
   'Mampu menerapkan prosedur pengelolaan layanan dan aset teknologi informasi.',
   'Mampu menyusun rencana, arsitektur, dan standar teknologi informasi unit kerja.',
   'Mampu mengevaluasi tata kelola SPBE dan mengendalikan risiko teknologi informasi instansi.',
   'Mampu merumuskan kebijakan dan strategi transformasi digital pemerintah daerah.']),
 ('T.INF.2',
  'Pengembangan Aplikasi',
  'teknis',
  'Kemampuan menganalisis kebutuhan, merancang, membangun, menguji, dan memelihara aplikasi '
  'untuk mendukung layanan pemerintahan.',
  ['Mampu membuat dan memperbaiki modul aplikasi sederhana di bawah arahan.',
   'Mampu membangun fitur aplikasi secara mandiri sesuai spesifikasi dan melakukan pengujian.',
   'Mampu menganalisis kebutuhan pengguna dan merancang arsitektur serta basis data aplikasi.',
   'Mampu memimpin tim pengembangan dan menjamin mutu, keamanan, serta interoperabilitas '
   'aplikasi.',
   'Mampu menetapkan standar pengembangan dan arsitektur aplikasi terpadu lintas instansi.']),
 ('T.INF.3',
  'Keamanan Informasi',
  'teknis',
  'Kemampuan melindungi kerahasiaan, keutuhan, dan ketersediaan informasi serta sistem '
  'elektronik instansi dari ancaman dan insiden siber.',
  ['Mampu menerapkan praktik dasar keamanan informasi dalam pekerjaan sehari-hari.',
   'Mampu melaksanakan pengamanan sistem dan memantau kejadian keamanan sesuai prosedur.',
   'Mampu menganalisis kerentanan, menangani insiden siber, dan menyusun prosedur pengamanan.',
   'Mampu mengelola sistem manajemen keamanan informasi dan tim tanggap insiden siber '
   'instansi.',
   'Mampu merumuskan kebijakan dan strategi keamanan siber pemerintah daerah.']),
 ('T.EKO.1',
  'Perencanaan Pembangunan Daerah',
  'teknis',
  'Kemampuan menyusun, mengendalikan, dan mengevaluasi dokumen perencanaan pembangunan daerah '
  '(RPJPD, RPJMD, RKPD, Renstra, dan Renja) sesuai ketentuan.',
  ['Mampu mengumpulkan dan mengolah data untuk bahan penyusunan dokumen perencanaan.',
   'Mampu menyusun bagian dokumen perencanaan dan memfasilitasi musrenbang.',
   'Mampu menganalisis permasalahan pembangunan dan merumuskan program serta indikator '
   'kinerja.',
   'Mampu mengoordinasikan penyusunan dan pengendalian dokumen perencanaan lintas perangkat '
   'daerah.',
   'Mampu merumuskan arah kebijakan dan strategi pembangunan daerah jangka panjang.']),
 ('T.EKO.2',
  'Pengelolaan Keuangan Daerah',
  'teknis',
  'Kemampuan melaksanakan perencanaan anggaran, penatausahaan, akuntansi, pelaporan, dan '
  'pertanggungjawaban keuangan daerah sesuai peraturan perundang-undangan.',
  ['Mampu melaksanakan penatausahaan dokumen keuangan sesuai prosedur.',
   'Mampu menyusun anggaran, mencatat transaksi, dan menyiapkan laporan keuangan unit kerja.',
   'Mampu menganalisis realisasi anggaran dan menyusun laporan keuangan sesuai standar '
   'akuntansi pemerintahan.',
   'Mampu mengendalikan pengelolaan keuangan perangkat daerah dan menindaklanjuti temuan '
   'pemeriksaan.',
   'Mampu merumuskan kebijakan pengelolaan keuangan dan anggaran daerah.']),
 ('T.SOS.1',
  'Manajemen ASN (Kepegawaian)',
  'teknis',
  'Kemampuan mengelola ASN berdasarkan sistem merit, meliputi perencanaan kebutuhan, '
  'pengadaan, pengembangan karier, penilaian kinerja, dan administrasi kepegawaian.',
  ['Mampu melaksanakan administrasi kepegawaian sesuai prosedur.',
   'Mampu mengolah data kepegawaian dan memproses layanan kepegawaian secara mandiri.',
   'Mampu menganalisis kebutuhan pegawai dan menyusun rencana pengembangan kompetensi serta '
   'karier.',
   'Mampu mengelola manajemen talenta dan penerapan sistem merit di tingkat instansi.',
   'Mampu merumuskan kebijakan manajemen ASN dan reformasi birokrasi di tingkat daerah.']),
 ('T.HUK.1',
  'Perancangan Peraturan Daerah',
  'teknis',
  'Kemampuan menyusun naskah akademik dan rancangan peraturan daerah sesuai teknik penyusunan '
  'peraturan perundang-undangan dan asas pembentukannya.',
  ['Mampu menghimpun bahan hukum dan peraturan terkait rancangan peraturan.',
   'Mampu menyusun draf rancangan peraturan sesuai teknik penyusunan peraturan '
   'perundang-undangan.',
   'Mampu menyusun naskah akademik dan mengharmonisasikan rancangan peraturan daerah.',
   'Mampu memimpin pembahasan rancangan peraturan daerah bersama DPRD dan pemangku '
   'kepentingan.',
   'Mampu merumuskan kebijakan pembentukan produk hukum daerah dan menjadi rujukan ahli '
   'perancangan.']),
 ('T.TEK.1',
  'Penyelenggaraan Jalan dan Jembatan',
  'teknis',
  'Kemampuan merencanakan, membangun, memelihara, dan mengawasi jalan dan jembatan sesuai '
  'standar teknis dan keselamatan.',
  ['Mampu melaksanakan survei dan pencatatan kondisi jalan dan jembatan.',
   'Mampu menyusun perhitungan teknis dan mengawasi pekerjaan konstruksi sederhana.',
   'Mampu merancang teknis jalan dan jembatan serta mengendalikan mutu pelaksanaan konstruksi.',
   'Mampu mengelola program penanganan jaringan jalan dan jembatan provinsi.',
   'Mampu merumuskan kebijakan dan standar penyelenggaraan jalan dan jembatan daerah.']),
 ('T.PER.1',
  'Penyuluhan Pertanian',
  'teknis',
  'Kemampuan memberdayakan pelaku utama dan pelaku usaha pertanian melalui penyuluhan untuk '
  'meningkatkan produktivitas, pendapatan, dan kesejahteraan petani.',
  ['Mampu membantu pelaksanaan kegiatan penyuluhan dan pendataan kelompok tani.',
   'Mampu melaksanakan penyuluhan dan demonstrasi teknologi pertanian kepada kelompok tani.',
   'Mampu menyusun programa penyuluhan dan mengevaluasi penerapan teknologi di wilayah kerja.',
   'Mampu mengelola program penyuluhan pertanian di tingkat provinsi dan membina penyuluh.',
   'Mampu merumuskan kebijakan dan strategi penyuluhan serta pengembangan inovasi pertanian.'])]


def seed(apps, schema_editor):
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


class Migration(migrations.Migration):
    dependencies = [("positions", "0002_anjab_requirements_competencies_abk")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
