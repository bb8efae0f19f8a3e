"""Perangkat daerah, second part: the remaining Dinas, the Badan and the rumah sakit daerah (see
the notes in `demo.org_data`)."""

from .vocabulary import SEKRETARIAT

OPD_DINAS_BADAN_RS = [
    {
        "code": "DKP",
        "name": "Dinas Kelautan dan Perikanan",
        "short": "DKP",
        "sector": "pertanian",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Perikanan Tangkap",
                "subunits": [
                    "Seksi Kapal Perikanan dan Alat Penangkapan Ikan",
                    "Seksi Pelabuhan Perikanan",
                ],
            },
            {
                "name": "Bidang Perikanan Budidaya",
                "subunits": [
                    "Seksi Produksi Perikanan Budidaya",
                    "Seksi Kesehatan Ikan dan Lingkungan",
                ],
            },
            {
                "name": "Bidang Pengelolaan Ruang Laut",
                "subunits": [
                    "Seksi Pesisir dan Pulau-Pulau Kecil",
                    "Seksi Konservasi Kawasan Perairan",
                ],
            },
        ],
    },
    {
        "code": "DISPAREKRAF",
        "name": "Dinas Pariwisata dan Ekonomi Kreatif",
        "short": "Disparekraf",
        "sector": "ekonomi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Destinasi Pariwisata",
                "subunits": ["Seksi Pengembangan Daya Tarik Wisata", "Seksi Tata Kelola Destinasi"],
            },
            {
                "name": "Bidang Pemasaran Pariwisata",
                "subunits": ["Seksi Promosi Pariwisata", "Seksi Kemitraan dan Analisis Pasar"],
            },
            {
                "name": "Bidang Ekonomi Kreatif",
                "subunits": [
                    "Seksi Pengembangan Ekonomi Kreatif",
                    "Seksi Fasilitasi Kekayaan Intelektual",
                ],
            },
        ],
    },
    {
        "code": "DISHUT",
        "name": "Dinas Kehutanan",
        "short": "Dishut",
        "sector": "pertanian",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Perencanaan dan Pemanfaatan Hutan",
                "subunits": ["Seksi Perencanaan Hutan", "Seksi Pemanfaatan Hutan"],
            },
            {
                "name": "Bidang Perlindungan dan Konservasi Sumber Daya Alam",
                "subunits": [
                    "Seksi Perlindungan dan Pengamanan Hutan",
                    "Seksi Konservasi Sumber Daya Alam Hayati",
                ],
            },
            {
                "name": "Bidang Penyuluhan dan Pemberdayaan Masyarakat",
                "subunits": ["Seksi Penyuluhan Kehutanan", "Seksi Perhutanan Sosial"],
            },
        ],
    },
    {
        "code": "ESDM",
        "name": "Dinas Energi dan Sumber Daya Mineral",
        "short": "ESDM",
        "sector": "teknik",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Ketenagalistrikan",
                "subunits": [
                    "Seksi Pengusahaan Ketenagalistrikan",
                    "Seksi Teknik dan Keselamatan Ketenagalistrikan",
                ],
            },
            {
                "name": "Bidang Energi Baru Terbarukan",
                "subunits": ["Seksi Bioenergi dan Aneka Energi", "Seksi Konservasi Energi"],
            },
            {
                "name": "Bidang Mineral dan Batubara",
                "subunits": [
                    "Seksi Pengusahaan Mineral dan Batubara",
                    "Seksi Teknik dan Lingkungan Mineral dan Batubara",
                ],
            },
        ],
    },
    {
        "code": "DISPERINDAG",
        "name": "Dinas Perindustrian dan Perdagangan",
        "short": "Disperindag",
        "sector": "ekonomi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Perindustrian",
                "subunits": ["Seksi Industri Agro", "Seksi Industri Kimia, Tekstil dan Aneka"],
            },
            {
                "name": "Bidang Perdagangan Dalam Negeri",
                "subunits": [
                    "Seksi Distribusi dan Sarana Perdagangan",
                    "Seksi Bahan Pokok dan Barang Penting",
                ],
            },
            {
                "name": "Bidang Perlindungan Konsumen dan Tertib Niaga",
                "subunits": ["Seksi Perlindungan Konsumen", "Seksi Metrologi Legal"],
            },
        ],
    },
    {
        "code": "DISBUN",
        "name": "Dinas Perkebunan",
        "short": "Disbun",
        "sector": "pertanian",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Produksi Perkebunan",
                "subunits": ["Seksi Tanaman Tahunan", "Seksi Tanaman Semusim dan Rempah"],
            },
            {
                "name": "Bidang Perlindungan Perkebunan",
                "subunits": [
                    "Seksi Pengendalian Organisme Pengganggu Tumbuhan",
                    "Seksi Penanganan Gangguan Usaha Perkebunan",
                ],
            },
            {
                "name": "Bidang Pengolahan dan Pemasaran Hasil Perkebunan",
                "subunits": [
                    "Seksi Pengolahan Hasil Perkebunan",
                    "Seksi Pemasaran Hasil Perkebunan",
                ],
            },
        ],
    },
    {
        "code": "DISNAKKESWAN",
        "name": "Dinas Peternakan dan Kesehatan Hewan",
        "short": "Disnakkeswan",
        "sector": "pertanian",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Produksi Peternakan",
                "subunits": ["Seksi Perbibitan dan Produksi Ternak", "Seksi Pakan Ternak"],
            },
            {
                "name": "Bidang Kesehatan Hewan",
                "subunits": [
                    "Seksi Pencegahan dan Pemberantasan Penyakit Hewan",
                    "Seksi Pelayanan Medik Veteriner",
                ],
            },
            {
                "name": "Bidang Kesehatan Masyarakat Veteriner",
                "subunits": [
                    "Seksi Higiene Sanitasi dan Keamanan Produk Hewan",
                    "Seksi Pengolahan dan Pemasaran Hasil Peternakan",
                ],
            },
        ],
    },
    {
        "code": "DISKOMINFOTIK",
        "name": "Dinas Komunikasi, Informatika dan Statistik",
        "short": "Diskominfotik",
        "sector": "informatika",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Informasi dan Komunikasi Publik",
                "subunits": [
                    "Seksi Pengelolaan Informasi Publik",
                    "Seksi Kemitraan Komunikasi Publik",
                ],
            },
            {
                "name": "Bidang Aplikasi Informatika",
                "subunits": [
                    "Seksi Layanan Sistem Pemerintahan Berbasis Elektronik",
                    "Seksi Infrastruktur Teknologi Informasi dan Komunikasi",
                ],
            },
            {
                "name": "Bidang Statistik dan Persandian",
                "subunits": ["Seksi Statistik Sektoral", "Seksi Persandian dan Keamanan Informasi"],
            },
        ],
    },
    {
        "code": "DPMDT",
        "name": "Dinas Pemberdayaan Masyarakat, Desa dan Transmigrasi",
        "short": "DPMDT",
        "sector": "sosial",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pemerintahan Desa",
                "subunits": [
                    "Seksi Fasilitasi Keuangan dan Aset Desa",
                    "Seksi Aparatur dan Kelembagaan Desa",
                ],
            },
            {
                "name": "Bidang Pemberdayaan Masyarakat Desa",
                "subunits": [
                    "Seksi Kelembagaan dan Partisipasi Masyarakat",
                    "Seksi Pengembangan Ekonomi dan Usaha Desa",
                ],
            },
            {
                "name": "Bidang Transmigrasi",
                "subunits": [
                    "Seksi Pembangunan Kawasan Transmigrasi",
                    "Seksi Pengembangan Kawasan Transmigrasi",
                ],
            },
        ],
    },
    {
        "code": "DPPPA",
        "name": "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "short": "DPPPA",
        "sector": "sosial",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Kesetaraan Gender",
                "subunits": [
                    "Seksi Pengarusutamaan Gender",
                    "Seksi Peningkatan Kualitas Keluarga",
                ],
            },
            {
                "name": "Bidang Perlindungan Hak Perempuan",
                "subunits": [
                    "Seksi Perlindungan Perempuan dari Tindak Kekerasan",
                    "Seksi Data dan Informasi Gender",
                ],
            },
            {
                "name": "Bidang Pemenuhan Hak dan Perlindungan Khusus Anak",
                "subunits": ["Seksi Pemenuhan Hak Anak", "Seksi Perlindungan Khusus Anak"],
            },
        ],
    },
    # --- Badan ---------------------------------------------------------------
    {
        "code": "BAPPEDA",
        "name": "Badan Perencanaan Pembangunan Daerah",
        "short": "Bappeda",
        "sector": "administrasi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
                "subunits": [
                    "Subbidang Perencanaan Pembangunan Daerah",
                    "Subbidang Pengendalian dan Evaluasi",
                ],
            },
            {
                "name": "Bidang Perekonomian dan Sumber Daya Alam",
                "subunits": ["Subbidang Perekonomian", "Subbidang Sumber Daya Alam"],
            },
            {
                "name": "Bidang Infrastruktur dan Kewilayahan",
                "subunits": ["Subbidang Infrastruktur", "Subbidang Tata Ruang dan Kewilayahan"],
            },
        ],
    },
    {
        "code": "BAPENDA",
        "name": "Badan Pendapatan Daerah",
        "short": "Bapenda",
        "sector": "ekonomi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pajak Daerah",
                "subunits": [
                    "Subbidang Pendataan dan Penetapan Pajak",
                    "Subbidang Penagihan dan Keberatan",
                ],
            },
            {
                "name": "Bidang Retribusi dan Lain-lain Pendapatan",
                "subunits": [
                    "Subbidang Retribusi Daerah",
                    "Subbidang Lain-lain Pendapatan Daerah yang Sah",
                ],
            },
            {
                "name": "Bidang Pengendalian dan Evaluasi Pendapatan",
                "subunits": [
                    "Subbidang Pengendalian Pendapatan",
                    "Subbidang Evaluasi dan Pelaporan Pendapatan",
                ],
            },
        ],
    },
    {
        "code": "BPKAD",
        "name": "Badan Pengelola Keuangan dan Aset Daerah",
        "short": "BPKAD",
        "sector": "ekonomi",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": [
                    "Subbagian Umum dan Kepegawaian",
                    "Subbagian Perencanaan dan Keuangan",
                ],
            },
            {
                "name": "Bidang Anggaran",
                "subunits": [
                    "Subbidang Anggaran Pendapatan dan Pembiayaan",
                    "Subbidang Anggaran Belanja",
                ],
            },
            {
                "name": "Bidang Perbendaharaan",
                "subunits": ["Subbidang Kas Daerah", "Subbidang Pengelolaan Belanja"],
            },
            {
                "name": "Bidang Akuntansi dan Aset",
                "subunits": [
                    "Subbidang Akuntansi dan Pelaporan",
                    "Subbidang Pengelolaan Aset Daerah",
                ],
            },
        ],
    },
    {
        "code": "BKD",
        "name": "Badan Kepegawaian Daerah",
        "short": "BKD",
        "sector": "administrasi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pengadaan, Pemberhentian dan Informasi",
                "subunits": [
                    "Subbidang Pengadaan dan Pemberhentian",
                    "Subbidang Data dan Informasi Kepegawaian",
                ],
            },
            {
                "name": "Bidang Mutasi dan Promosi",
                "subunits": ["Subbidang Mutasi", "Subbidang Kepangkatan dan Promosi"],
            },
            {
                "name": "Bidang Pengembangan Aparatur",
                "subunits": [
                    "Subbidang Penilaian Kinerja Aparatur",
                    "Subbidang Pengembangan Kompetensi dan Karier",
                ],
            },
        ],
    },
    {
        "code": "BPSDM",
        "name": "Badan Pengembangan Sumber Daya Manusia Daerah",
        "short": "BPSDM",
        "sector": "pendidikan",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pengembangan Kompetensi Manajerial dan Fungsional",
                "subunits": [
                    "Subbidang Kompetensi Manajerial",
                    "Subbidang Kompetensi Fungsional",
                ],
            },
            {
                "name": "Bidang Pengembangan Kompetensi Teknis",
                "subunits": ["Subbidang Teknis Umum", "Subbidang Teknis Substantif"],
            },
            {
                "name": "Bidang Sertifikasi Kompetensi dan Penjaminan Mutu",
                "subunits": ["Subbidang Sertifikasi Kompetensi", "Subbidang Penjaminan Mutu"],
            },
        ],
    },
    {
        "code": "BPBD",
        "name": "Badan Penanggulangan Bencana Daerah",
        "short": "BPBD",
        "sector": "sosial",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pencegahan dan Kesiapsiagaan",
                "subunits": ["Seksi Pencegahan", "Seksi Kesiapsiagaan"],
            },
            {
                "name": "Bidang Kedaruratan dan Logistik",
                "subunits": ["Seksi Kedaruratan", "Seksi Logistik"],
            },
            {
                "name": "Bidang Rehabilitasi dan Rekonstruksi",
                "subunits": ["Seksi Rehabilitasi", "Seksi Rekonstruksi"],
            },
        ],
    },
    {
        "code": "KESBANGPOL",
        "name": "Badan Kesatuan Bangsa dan Politik",
        "short": "Kesbangpol",
        "sector": "sosial",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa",
                "subunits": [
                    "Subbidang Ideologi dan Wawasan Kebangsaan",
                    "Subbidang Karakter dan Pembauran Kebangsaan",
                ],
            },
            {
                "name": "Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
                "subunits": [
                    "Subbidang Politik Dalam Negeri",
                    "Subbidang Organisasi Kemasyarakatan",
                ],
            },
            {
                "name": "Bidang Kewaspadaan Nasional dan Penanganan Konflik",
                "subunits": ["Subbidang Kewaspadaan Dini", "Subbidang Penanganan Konflik"],
            },
        ],
    },
    {
        "code": "BANHUB",
        "name": "Badan Penghubung",
        "short": "Badan Penghubung",
        "sector": "administrasi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Fasilitasi dan Hubungan Antarlembaga",
                "subunits": ["Subbidang Fasilitasi Kelembagaan", "Subbidang Protokol"],
            },
            {
                "name": "Bidang Promosi dan Informasi Daerah",
                "subunits": [
                    "Subbidang Promosi Potensi Daerah",
                    "Subbidang Informasi dan Dokumentasi",
                ],
            },
        ],
    },
    # --- Rumah sakit daerah ---------------------------------------------------
    {
        "code": "RSUDAM",
        "name": "Rumah Sakit Umum Daerah Dr. H. Abdul Moeloek",
        "short": "RSUDAM",
        "sector": "kesehatan",
        "bidang": [
            {
                "name": "Bagian Umum dan Keuangan",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pelayanan Medik",
                "subunits": ["Seksi Pelayanan Rawat Jalan", "Seksi Pelayanan Rawat Inap"],
            },
            {
                "name": "Bidang Keperawatan",
                "subunits": ["Seksi Asuhan Keperawatan", "Seksi Mutu dan Etika Keperawatan"],
            },
            {
                "name": "Bidang Penunjang Medik",
                "subunits": ["Seksi Penunjang Medik", "Seksi Penunjang Nonmedik"],
            },
        ],
    },
    {
        "code": "RSJ",
        "name": "Rumah Sakit Jiwa Daerah Provinsi Lampung",
        "short": "RSJ",
        "sector": "kesehatan",
        "bidang": [
            {
                "name": "Bagian Umum dan Keuangan",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pelayanan Medik",
                "subunits": ["Seksi Pelayanan Kesehatan Jiwa", "Seksi Rehabilitasi Psikososial"],
            },
            {
                "name": "Bidang Keperawatan",
                "subunits": ["Seksi Asuhan Keperawatan Jiwa"],
            },
            {
                "name": "Bidang Penunjang",
                "subunits": ["Seksi Penunjang Medik", "Seksi Penunjang Nonmedik"],
            },
        ],
    },
    {
        "code": "RSUDBNH",
        "name": "Rumah Sakit Umum Daerah Bandar Negara Husada",
        "short": "RSUD BNH",
        "sector": "kesehatan",
        "bidang": [
            {
                "name": "Bagian Umum dan Keuangan",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pelayanan Medik dan Keperawatan",
                "subunits": ["Seksi Pelayanan Medik", "Seksi Pelayanan Keperawatan"],
            },
            {
                "name": "Bidang Penunjang",
                "subunits": ["Seksi Penunjang Medik", "Seksi Penunjang Nonmedik"],
            },
        ],
    },
]
