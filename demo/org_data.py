"""Static reference data for the ``seed_demo`` management command.

Pure-Python constants only (no Django imports) so the data can be imported and
checked without a configured settings module.

Notes
-----
* ``OPD`` follows docs/domain.md §8.2. Apart from the names confirmed there
  (BKD, Diskominfotik, DPMDT, DPPPA, Dinas Bina Marga, Bappeda), the list is
  the *typical* provincial set and is **UNVERIFIED** against the current Perda
  Provinsi Lampung on susunan perangkat daerah. Bidang/subunit names follow the
  usual Permendagri-style nomenclature, not a specific Pergub. Demo use only.
* Each OPD has a ``sector`` that is a key of ``EDUCATION_GROUP_LABELS`` and
  ``FUNGSIONAL_BY_SECTOR``. A bidang may carry its own optional ``sector``
  (e.g. Biro Hukum inside the Sekretariat Daerah); callers should use
  ``bidang.get("sector", opd["sector"])``.
* The first bidang of every Dinas/Badan (and of the Satpol PP and Inspektorat)
  is "Sekretariat". The Sekretariat Daerah lists Biro, the Sekretariat DPRD
  lists Bagian and the hospitals list their Bagian/Bidang instead.
"""

INSTANSI = ("18", "Pemerintah Provinsi Lampung")

# ---------------------------------------------------------------------------
# Perangkat Daerah (OPD)
# ---------------------------------------------------------------------------

OPD = [
    # --- Sekretariat, Sekretariat DPRD, Inspektorat -------------------------
    {
        "code": "SETDA",
        "name": "Sekretariat Daerah",
        "short": "Setda",
        "sector": "administrasi",
        "bidang": [
            {
                "name": "Biro Pemerintahan dan Otonomi Daerah",
                "subunits": ["Bagian Administrasi Pemerintahan", "Bagian Otonomi Daerah"],
            },
            {
                "name": "Biro Hukum",
                "sector": "hukum",
                "subunits": ["Bagian Perundang-undangan", "Bagian Bantuan Hukum"],
            },
            {
                "name": "Biro Organisasi",
                "subunits": [
                    "Bagian Kelembagaan dan Analisis Jabatan",
                    "Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
                ],
            },
            {
                "name": "Biro Umum",
                "subunits": ["Bagian Tata Usaha", "Bagian Rumah Tangga"],
            },
        ],
    },
    {
        "code": "SETWAN",
        "name": "Sekretariat Dewan Perwakilan Rakyat Daerah",
        "short": "Setwan",
        "sector": "administrasi",
        "bidang": [
            {
                "name": "Bagian Umum dan Keuangan",
                "subunits": ["Subbagian Tata Usaha dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bagian Persidangan dan Perundang-undangan",
                "subunits": ["Subbagian Rapat dan Risalah", "Subbagian Perundang-undangan"],
            },
            {
                "name": "Bagian Fasilitasi Penganggaran dan Pengawasan",
                "subunits": [
                    "Subbagian Fasilitasi Penganggaran",
                    "Subbagian Fasilitasi Pengawasan",
                ],
            },
            {
                "name": "Bagian Hubungan Masyarakat dan Protokol",
                "subunits": ["Subbagian Hubungan Masyarakat", "Subbagian Protokol"],
            },
        ],
    },
    {
        "code": "INSPEKTORAT",
        "name": "Inspektorat",
        "short": "Inspektorat",
        "sector": "ekonomi",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": [
                    "Subbagian Perencanaan dan Pelaporan",
                    "Subbagian Umum dan Kepegawaian",
                ],
            },
            {
                "name": "Inspektur Pembantu Wilayah I",
                "subunits": ["Kelompok Jabatan Fungsional Auditor Wilayah I"],
            },
            {
                "name": "Inspektur Pembantu Wilayah II",
                "subunits": ["Kelompok Jabatan Fungsional Auditor Wilayah II"],
            },
            {
                "name": "Inspektur Pembantu Khusus",
                "subunits": [
                    "Kelompok Jabatan Fungsional Pengawas Penyelenggaraan Urusan Pemerintahan"
                ],
            },
        ],
    },
    # --- Dinas ---------------------------------------------------------------
    {
        "code": "DISDIKBUD",
        "name": "Dinas Pendidikan dan Kebudayaan",
        "short": "Disdikbud",
        "sector": "pendidikan",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pembinaan Sekolah Menengah Atas",
                "subunits": [
                    "Seksi Kurikulum dan Penilaian SMA",
                    "Seksi Peserta Didik dan Pembangunan Karakter SMA",
                ],
            },
            {
                "name": "Bidang Pembinaan Sekolah Menengah Kejuruan",
                "subunits": [
                    "Seksi Kurikulum dan Penilaian SMK",
                    "Seksi Kelembagaan dan Sarana Prasarana SMK",
                ],
            },
            {
                "name": "Bidang Kebudayaan",
                "subunits": ["Seksi Cagar Budaya dan Permuseuman", "Seksi Sejarah dan Tradisi"],
            },
        ],
    },
    {
        "code": "DINKES",
        "name": "Dinas Kesehatan",
        "short": "Dinkes",
        "sector": "kesehatan",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pelayanan Kesehatan",
                "subunits": [
                    "Seksi Pelayanan Kesehatan Primer",
                    "Seksi Pelayanan Kesehatan Rujukan",
                ],
            },
            {
                "name": "Bidang Kesehatan Masyarakat",
                "subunits": ["Seksi Kesehatan Keluarga dan Gizi", "Seksi Kesehatan Lingkungan"],
            },
            {
                "name": "Bidang Pencegahan dan Pengendalian Penyakit",
                "subunits": [
                    "Seksi Surveilans dan Imunisasi",
                    "Seksi Pencegahan dan Pengendalian Penyakit Menular",
                ],
            },
        ],
    },
    {
        "code": "BMBK",
        "name": "Dinas Bina Marga dan Bina Konstruksi",
        "short": "BMBK",
        "sector": "teknik",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Perencanaan dan Pelaporan", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pembangunan Jalan dan Jembatan",
                "subunits": ["Seksi Perencanaan Teknis Jalan", "Seksi Pembangunan Jembatan"],
            },
            {
                "name": "Bidang Preservasi Jalan dan Jembatan",
                "subunits": ["Seksi Pemeliharaan Jalan", "Seksi Pemeliharaan Jembatan"],
            },
            {
                "name": "Bidang Bina Konstruksi",
                "subunits": [
                    "Seksi Pembinaan Jasa Konstruksi",
                    "Seksi Pengawasan Tertib Konstruksi",
                ],
            },
        ],
    },
    {
        "code": "PSDA",
        "name": "Dinas Pengelolaan Sumber Daya Air",
        "short": "PSDA",
        "sector": "teknik",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Irigasi dan Rawa",
                "subunits": ["Seksi Pembangunan Irigasi", "Seksi Operasi dan Pemeliharaan Irigasi"],
            },
            {
                "name": "Bidang Sungai dan Pantai",
                "subunits": ["Seksi Pengendalian Banjir", "Seksi Pengamanan Pantai"],
            },
            {
                "name": "Bidang Air Baku dan Air Tanah",
                "subunits": ["Seksi Penyediaan Air Baku", "Seksi Konservasi Air Tanah"],
            },
        ],
    },
    {
        "code": "PERKIM",
        "name": "Dinas Perumahan, Kawasan Permukiman dan Cipta Karya",
        "short": "Perkim",
        "sector": "teknik",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Perumahan",
                "subunits": ["Seksi Penyediaan Perumahan", "Seksi Rumah Swadaya"],
            },
            {
                "name": "Bidang Kawasan Permukiman",
                "subunits": [
                    "Seksi Peningkatan Kualitas Permukiman Kumuh",
                    "Seksi Prasarana, Sarana dan Utilitas Umum",
                ],
            },
            {
                "name": "Bidang Cipta Karya",
                "subunits": [
                    "Seksi Air Minum dan Sanitasi",
                    "Seksi Penataan Bangunan dan Lingkungan",
                ],
            },
        ],
    },
    {
        "code": "SATPOLPP",
        "name": "Satuan Polisi Pamong Praja",
        "short": "Satpol PP",
        "sector": "hukum",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Penegakan Peraturan Daerah",
                "subunits": [
                    "Seksi Pembinaan, Pengawasan dan Penyuluhan",
                    "Seksi Penyelidikan dan Penyidikan",
                ],
            },
            {
                "name": "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
                "subunits": ["Seksi Operasi dan Pengendalian", "Seksi Kerja Sama"],
            },
            {
                "name": "Bidang Perlindungan Masyarakat",
                "subunits": [
                    "Seksi Satuan Perlindungan Masyarakat",
                    "Seksi Bina Potensi Masyarakat",
                ],
            },
        ],
    },
    {
        "code": "DINSOS",
        "name": "Dinas Sosial",
        "short": "Dinsos",
        "sector": "sosial",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Rehabilitasi Sosial",
                "subunits": [
                    "Seksi Rehabilitasi Sosial Anak dan Lanjut Usia",
                    "Seksi Rehabilitasi Sosial Penyandang Disabilitas",
                ],
            },
            {
                "name": "Bidang Perlindungan dan Jaminan Sosial",
                "subunits": [
                    "Seksi Perlindungan Sosial Korban Bencana",
                    "Seksi Jaminan Sosial Keluarga",
                ],
            },
            {
                "name": "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
                "subunits": ["Seksi Pemberdayaan Sosial", "Seksi Penanganan Fakir Miskin"],
            },
        ],
    },
    {
        "code": "DISNAKER",
        "name": "Dinas Tenaga Kerja",
        "short": "Disnaker",
        "sector": "sosial",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pelatihan dan Penempatan Tenaga Kerja",
                "subunits": [
                    "Seksi Pelatihan dan Produktivitas",
                    "Seksi Penempatan dan Perluasan Kesempatan Kerja",
                ],
            },
            {
                "name": "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja",
                "subunits": [
                    "Seksi Persyaratan Kerja dan Pengupahan",
                    "Seksi Penyelesaian Perselisihan Hubungan Industrial",
                ],
            },
            {
                "name": "Bidang Pengawasan Ketenagakerjaan",
                "subunits": ["Seksi Norma Kerja", "Seksi Keselamatan dan Kesehatan Kerja"],
            },
        ],
    },
    {
        "code": "DKPTPH",
        "name": "Dinas Ketahanan Pangan, Tanaman Pangan dan Hortikultura",
        "short": "DKPTPH",
        "sector": "pertanian",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Ketersediaan dan Distribusi Pangan",
                "subunits": [
                    "Seksi Ketersediaan dan Kerawanan Pangan",
                    "Seksi Distribusi dan Cadangan Pangan",
                ],
            },
            {
                "name": "Bidang Tanaman Pangan",
                "subunits": ["Seksi Produksi Tanaman Pangan", "Seksi Perlindungan Tanaman Pangan"],
            },
            {
                "name": "Bidang Hortikultura",
                "subunits": [
                    "Seksi Produksi Hortikultura",
                    "Seksi Pengolahan dan Pemasaran Hasil Hortikultura",
                ],
            },
        ],
    },
    {
        "code": "DLH",
        "name": "Dinas Lingkungan Hidup",
        "short": "DLH",
        "sector": "teknik",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Tata Lingkungan",
                "subunits": [
                    "Seksi Kajian Dampak Lingkungan",
                    "Seksi Pemeliharaan Lingkungan Hidup",
                ],
            },
            {
                "name": "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan",
                "subunits": [
                    "Seksi Pemantauan Kualitas Lingkungan",
                    "Seksi Pengendalian Pencemaran",
                ],
            },
            {
                "name": "Bidang Pengelolaan Sampah dan Limbah B3",
                "subunits": ["Seksi Pengelolaan Sampah", "Seksi Pengelolaan Limbah B3"],
            },
        ],
    },
    {
        "code": "DISDUKCAPIL",
        "name": "Dinas Kependudukan dan Pencatatan Sipil",
        "short": "Disdukcapil",
        "sector": "administrasi",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pelayanan Pendaftaran Penduduk dan Pencatatan Sipil",
                "subunits": ["Seksi Pendaftaran Penduduk", "Seksi Pencatatan Sipil"],
            },
            {
                "name": "Bidang Pengelolaan Informasi Administrasi Kependudukan",
                "subunits": [
                    "Seksi Sistem Informasi Administrasi Kependudukan",
                    "Seksi Pengolahan dan Penyajian Data Kependudukan",
                ],
            },
            {
                "name": "Bidang Pemanfaatan Data dan Inovasi Pelayanan",
                "subunits": ["Seksi Kerja Sama dan Pemanfaatan Data", "Seksi Inovasi Pelayanan"],
            },
        ],
    },
    {
        "code": "DISHUB",
        "name": "Dinas Perhubungan",
        "short": "Dishub",
        "sector": "teknik",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Lalu Lintas dan Angkutan Jalan",
                "subunits": [
                    "Seksi Manajemen dan Rekayasa Lalu Lintas",
                    "Seksi Angkutan Jalan",
                ],
            },
            {
                "name": "Bidang Pelayaran",
                "subunits": ["Seksi Lalu Lintas dan Angkutan Laut", "Seksi Kepelabuhanan"],
            },
            {
                "name": "Bidang Perkeretaapian dan Perhubungan Udara",
                "subunits": ["Seksi Perkeretaapian", "Seksi Perhubungan Udara"],
            },
        ],
    },
    {
        "code": "DISKOPUKM",
        "name": "Dinas Koperasi dan Usaha Kecil dan Menengah",
        "short": "Diskop UKM",
        "sector": "ekonomi",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Kelembagaan dan Pengawasan Koperasi",
                "subunits": ["Seksi Kelembagaan Koperasi", "Seksi Pengawasan Koperasi"],
            },
            {
                "name": "Bidang Pemberdayaan dan Pengembangan Koperasi",
                "subunits": [
                    "Seksi Pemberdayaan Koperasi",
                    "Seksi Pendidikan dan Pelatihan Koperasi",
                ],
            },
            {
                "name": "Bidang Usaha Kecil dan Menengah",
                "subunits": [
                    "Seksi Pemberdayaan UKM",
                    "Seksi Pengembangan Usaha dan Pemasaran UKM",
                ],
            },
        ],
    },
    {
        "code": "DPMPTSP",
        "name": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "short": "DPMPTSP",
        "sector": "ekonomi",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Perencanaan dan Promosi Penanaman Modal",
                "subunits": ["Seksi Perencanaan Penanaman Modal", "Seksi Promosi Penanaman Modal"],
            },
            {
                "name": "Bidang Pelayanan Perizinan dan Nonperizinan",
                "subunits": ["Seksi Pelayanan Perizinan Berusaha", "Seksi Pelayanan Nonperizinan"],
            },
            {
                "name": "Bidang Pengendalian Pelaksanaan Penanaman Modal",
                "subunits": ["Seksi Pemantauan dan Pembinaan", "Seksi Pengawasan Penanaman Modal"],
            },
        ],
    },
    {
        "code": "DISPORA",
        "name": "Dinas Kepemudaan dan Olahraga",
        "short": "Dispora",
        "sector": "sosial",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pemberdayaan Pemuda",
                "subunits": [
                    "Seksi Kepemimpinan dan Kepeloporan Pemuda",
                    "Seksi Kewirausahaan Pemuda",
                ],
            },
            {
                "name": "Bidang Pembudayaan Olahraga",
                "subunits": [
                    "Seksi Olahraga Pendidikan",
                    "Seksi Olahraga Rekreasi dan Tradisional",
                ],
            },
            {
                "name": "Bidang Peningkatan Prestasi Olahraga",
                "subunits": [
                    "Seksi Pembinaan Prestasi Olahraga",
                    "Seksi Sarana dan Prasarana Olahraga",
                ],
            },
        ],
    },
    {
        "code": "DISPUSIP",
        "name": "Dinas Perpustakaan dan Kearsipan",
        "short": "Dispusip",
        "sector": "administrasi",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pengembangan Perpustakaan",
                "subunits": [
                    "Seksi Pengembangan Koleksi",
                    "Seksi Layanan dan Otomasi Perpustakaan",
                ],
            },
            {
                "name": "Bidang Pembinaan Kearsipan",
                "subunits": [
                    "Seksi Pembinaan Arsip Dinamis",
                    "Seksi Pembinaan Sumber Daya Kearsipan",
                ],
            },
            {
                "name": "Bidang Pengelolaan Arsip Statis",
                "subunits": [
                    "Seksi Akuisisi dan Pengolahan Arsip",
                    "Seksi Preservasi dan Akses Arsip",
                ],
            },
        ],
    },
    {
        "code": "DKP",
        "name": "Dinas Kelautan dan Perikanan",
        "short": "DKP",
        "sector": "pertanian",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
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

# ---------------------------------------------------------------------------
# Pendidikan: rumpun (group) dan program studi
# ---------------------------------------------------------------------------

EDUCATION_GROUP_LABELS = {
    "kesehatan": "Kesehatan",
    "pendidikan": "Pendidikan/Keguruan",
    "teknik": "Teknik",
    "informatika": "Informatika dan Statistika",
    "ekonomi": "Ekonomi dan Keuangan",
    "hukum": "Hukum",
    "sosial": "Sosial dan Politik",
    "pertanian": "Pertanian, Kehutanan dan Kelautan",
    "administrasi": "Administrasi",
}

EDUCATION_FIELDS = [
    # kesehatan
    {"code": "KES-DOK", "name": "Pendidikan Dokter", "group": "kesehatan"},
    {"code": "KES-KEP", "name": "Keperawatan", "group": "kesehatan"},
    {"code": "KES-BID", "name": "Kebidanan", "group": "kesehatan"},
    {"code": "KES-KM", "name": "Kesehatan Masyarakat", "group": "kesehatan"},
    {"code": "KES-FAR", "name": "Farmasi", "group": "kesehatan"},
    {"code": "KES-GIZ", "name": "Gizi", "group": "kesehatan"},
    {"code": "KES-KL", "name": "Kesehatan Lingkungan", "group": "kesehatan"},
    {"code": "KES-TLM", "name": "Teknologi Laboratorium Medis", "group": "kesehatan"},
    # pendidikan
    {"code": "PDD-PGSD", "name": "Pendidikan Guru Sekolah Dasar", "group": "pendidikan"},
    {"code": "PDD-MAT", "name": "Pendidikan Matematika", "group": "pendidikan"},
    {"code": "PDD-BIND", "name": "Pendidikan Bahasa dan Sastra Indonesia", "group": "pendidikan"},
    {"code": "PDD-BING", "name": "Pendidikan Bahasa Inggris", "group": "pendidikan"},
    {"code": "PDD-BK", "name": "Bimbingan dan Konseling", "group": "pendidikan"},
    {"code": "PDD-PLS", "name": "Pendidikan Luar Sekolah", "group": "pendidikan"},
    # teknik
    {"code": "TEK-SIP", "name": "Teknik Sipil", "group": "teknik"},
    {"code": "TEK-ARS", "name": "Arsitektur", "group": "teknik"},
    {"code": "TEK-LIN", "name": "Teknik Lingkungan", "group": "teknik"},
    {"code": "TEK-ELK", "name": "Teknik Elektro", "group": "teknik"},
    {"code": "TEK-PWK", "name": "Perencanaan Wilayah dan Kota", "group": "teknik"},
    {"code": "TEK-GEO", "name": "Teknik Geodesi", "group": "teknik"},
    # informatika
    {"code": "INF-TI", "name": "Teknik Informatika", "group": "informatika"},
    {"code": "INF-SI", "name": "Sistem Informasi", "group": "informatika"},
    {"code": "INF-ILK", "name": "Ilmu Komputer", "group": "informatika"},
    {"code": "INF-STA", "name": "Statistika", "group": "informatika"},
    {"code": "INF-MI", "name": "Manajemen Informatika", "group": "informatika"},
    # ekonomi
    {"code": "EKO-AKT", "name": "Akuntansi", "group": "ekonomi"},
    {"code": "EKO-MNJ", "name": "Manajemen", "group": "ekonomi"},
    {"code": "EKO-EP", "name": "Ekonomi Pembangunan", "group": "ekonomi"},
    {"code": "EKO-KP", "name": "Keuangan Publik", "group": "ekonomi"},
    # hukum
    {"code": "HUK-IH", "name": "Ilmu Hukum", "group": "hukum"},
    {"code": "HUK-HTN", "name": "Hukum Tata Negara", "group": "hukum"},
    # sosial
    {"code": "SOS-IAN", "name": "Ilmu Administrasi Negara", "group": "sosial"},
    {"code": "SOS-IP", "name": "Ilmu Pemerintahan", "group": "sosial"},
    {"code": "SOS-SOS", "name": "Sosiologi", "group": "sosial"},
    {"code": "SOS-KOM", "name": "Ilmu Komunikasi", "group": "sosial"},
    {"code": "SOS-PSI", "name": "Psikologi", "group": "sosial"},
    {"code": "SOS-KS", "name": "Kesejahteraan Sosial", "group": "sosial"},
    {"code": "SOS-PUS", "name": "Ilmu Perpustakaan", "group": "sosial"},
    # pertanian
    {"code": "PTN-AGT", "name": "Agroteknologi", "group": "pertanian"},
    {"code": "PTN-AGB", "name": "Agribisnis", "group": "pertanian"},
    {"code": "PTN-HUT", "name": "Kehutanan", "group": "pertanian"},
    {"code": "PTN-PET", "name": "Peternakan", "group": "pertanian"},
    {"code": "PTN-BDP", "name": "Budidaya Perairan", "group": "pertanian"},
    {"code": "PTN-KH", "name": "Kedokteran Hewan", "group": "pertanian"},
    # administrasi
    {"code": "ADM-AP", "name": "Administrasi Perkantoran", "group": "administrasi"},
    {"code": "ADM-ARS", "name": "Kearsipan", "group": "administrasi"},
    {"code": "ADM-SEK", "name": "Sekretari", "group": "administrasi"},
]

# SLTA/SMK jurusan. ``group`` is None for general (non-vocational) tracks.
SLTA_FIELDS = [
    {"code": "SLTA-IPA", "name": "IPA", "group": None},
    {"code": "SLTA-IPS", "name": "IPS", "group": None},
    {"code": "SMK-AP", "name": "SMK Administrasi Perkantoran", "group": "administrasi"},
    {"code": "SMK-AK", "name": "SMK Akuntansi", "group": "ekonomi"},
    {"code": "SMK-TKJ", "name": "SMK Teknik Komputer dan Jaringan", "group": "informatika"},
]

# ---------------------------------------------------------------------------
# Gelar akademik
# ---------------------------------------------------------------------------

# group -> (gelar S-1, gelar S-2, gelar D-III); written after the name.
GELAR_BY_FIELD_GROUP = {
    "kesehatan": ("S.Kep.", "M.Kes.", "A.Md.Kep."),
    "pendidikan": ("S.Pd.", "M.Pd.", "A.Md."),
    "teknik": ("S.T.", "M.T.", "A.Md.T."),
    "informatika": ("S.Kom.", "M.Kom.", "A.Md.Kom."),
    "ekonomi": ("S.E.", "M.M.", "A.Md.Ak."),
    "hukum": ("S.H.", "M.H.", "A.Md."),
    "sosial": ("S.Sos.", "M.Si.", "A.Md."),
    "pertanian": ("S.P.", "M.P.", "A.Md."),
    "administrasi": ("S.A.P.", "M.A.P.", "A.Md."),
}

# Medical doctors (KES-DOK) get a gelar depan instead of a trailing S-1 gelar;
# veterinarians (PTN-KH) likewise.
GELAR_DEPAN_DOKTER = "dr."
GELAR_DEPAN_DOKTER_HEWAN = "drh."

# ---------------------------------------------------------------------------
# Jabatan fungsional per sektor, jabatan pelaksana umum
# ---------------------------------------------------------------------------

# sector -> [(nama jabatan fungsional, education group required)]
FUNGSIONAL_BY_SECTOR = {
    "kesehatan": [
        ("Perawat", "kesehatan"),
        ("Bidan", "kesehatan"),
        ("Dokter", "kesehatan"),
        ("Apoteker", "kesehatan"),
        ("Nutrisionis", "kesehatan"),
        ("Epidemiolog Kesehatan", "kesehatan"),
        ("Sanitarian", "kesehatan"),
        ("Pranata Laboratorium Kesehatan", "kesehatan"),
        ("Administrator Kesehatan", "kesehatan"),
    ],
    "pendidikan": [
        ("Pengawas Sekolah", "pendidikan"),
        ("Pamong Belajar", "pendidikan"),
        ("Widyaiswara", "pendidikan"),
        ("Pamong Budaya", "pendidikan"),
    ],
    "teknik": [
        ("Teknik Jalan dan Jembatan", "teknik"),
        ("Teknik Pengairan", "teknik"),
        ("Penata Ruang", "teknik"),
        ("Penata Bangunan Gedung dan Permukiman", "teknik"),
        ("Pengendali Dampak Lingkungan", "teknik"),
    ],
    "informatika": [
        ("Pranata Komputer", "informatika"),
        ("Statistisi", "informatika"),
        ("Sandiman", "informatika"),
        ("Pranata Hubungan Masyarakat", "sosial"),
    ],
    "ekonomi": [
        ("Analis Keuangan Pusat dan Daerah", "ekonomi"),
        ("Auditor", "ekonomi"),
        ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "sosial"),
        ("Penyuluh Perindustrian dan Perdagangan", "ekonomi"),
    ],
    "hukum": [
        ("Perancang Peraturan Perundang-undangan", "hukum"),
        ("Analis Hukum", "hukum"),
        ("Polisi Pamong Praja", "hukum"),
    ],
    "sosial": [
        ("Pekerja Sosial", "sosial"),
        ("Penyuluh Sosial", "sosial"),
        ("Analis Kebijakan", "sosial"),
        ("Penggerak Swadaya Masyarakat", "sosial"),
    ],
    "pertanian": [
        ("Penyuluh Pertanian", "pertanian"),
        ("Pengawas Benih Tanaman", "pertanian"),
        ("Medik Veteriner", "pertanian"),
        ("Penyuluh Kehutanan", "pertanian"),
        ("Penyuluh Perikanan", "pertanian"),
    ],
    "administrasi": [
        ("Analis Sumber Daya Manusia Aparatur", "sosial"),
        ("Perencana", "ekonomi"),
        ("Analis Kebijakan", "sosial"),
        ("Arsiparis", "administrasi"),
        ("Pustakawan", "sosial"),
    ],
}

# Jabatan pelaksana (PermenPANRB 45/2022 nomenclature; "Pengelola Keuangan" is
# the older PermenPANRB 41/2018 name still common in Pemda peta jabatan).
# (nama jabatan, education group or None when any field is acceptable)
PELAKSANA_COMMON = [
    ("Penata Layanan Operasional", None),
    ("Pengelola Layanan Operasional", None),
    ("Operator Layanan Operasional", None),
    ("Pengelola Umum Operasional", None),
    ("Pengadministrasi Perkantoran", "administrasi"),
    ("Pengolah Data dan Informasi", "informatika"),
    ("Penelaah Teknis Kebijakan", "sosial"),
    ("Penata Kelola Sistem dan Teknologi Informasi", "informatika"),
    ("Teknisi Sarana dan Prasarana", "teknik"),
    ("Pengelola Keuangan", "ekonomi"),
]

# ---------------------------------------------------------------------------
# Nama (demo only)
# ---------------------------------------------------------------------------

# fmt: off
FIRST_NAMES_MALE = [
    "Agus", "Ahmad", "Aidil", "Andi", "Anton", "Ardi", "Arif", "Arinal", "Aris", "Asep",
    "Azwar", "Bambang", "Bayu", "Bima", "Budi", "Candra", "Cecep", "Dadang", "Dani", "Dedi",
    "Deni", "Dimas", "Dodi", "Doni", "Edi", "Eko", "Erwin", "Fahmi", "Fajar", "Ferdi",
    "Fikri", "Firdaus", "Galih", "Gilang", "Hafiz", "Hamdan", "Hari", "Hendra", "Herman",
    "Heru", "Ikhsan", "Ilham", "Imam", "Indra", "Irfan", "Irwan", "Iwan", "Januar", "Joko",
    "Khairul", "Lukman", "Lutfi", "Mahmud", "Marzuki", "Muhammad", "Mulyadi", "Nanang",
    "Panji", "Rahmat", "Rendi", "Reza", "Rian", "Ridho", "Riko", "Rizki", "Robi", "Roni",
    "Rudi", "Rusli", "Samsul", "Sandi", "Slamet", "Sugeng", "Syahrial", "Syaiful", "Taufik",
    "Teguh", "Toni", "Ujang", "Wahyu", "Wawan", "Yoga", "Yogi", "Yudi", "Yudha", "Yusuf",
    "Zainal", "Zaki", "Zulkifli",
]

FIRST_NAMES_FEMALE = [
    "Aisyah", "Anggi", "Ani", "Annisa", "Ayu", "Desi", "Devi", "Dewi", "Dina", "Elsa",
    "Endang", "Erna", "Eva", "Evi", "Farida", "Fatimah", "Fera", "Fitri", "Hana", "Herlina",
    "Hesti", "Ika", "Indah", "Intan", "Ira", "Juwita", "Kartini", "Laila", "Lia",
    "Lina", "Linda", "Lisa", "Mardiana", "Marlina", "Maya", "Mega", "Melati", "Mira",
    "Mutiara", "Nadia", "Nia", "Nina", "Novi", "Nunik", "Nurhayati", "Nurul", "Oktavia",
    "Puspa", "Putri", "Rahma", "Rani", "Ratih", "Ratna", "Reni", "Ria", "Riana", "Rika",
    "Rina", "Rini", "Septi", "Sinta", "Siti", "Sri", "Suci", "Sulastri", "Susi", "Tiara",
    "Tika", "Tuti", "Umi", "Vina", "Widya", "Winarni", "Winda", "Wulan", "Yanti", "Yeni",
    "Yulia", "Yuni", "Zahra", "Citra", "Dara", "Rosmala",
]

# Gender-neutral family names / marga / patronymics.
LAST_NAMES = [
    # Batak, Mandailing, Karo, Simalungun marga
    "Nasution", "Siregar", "Lubis", "Harahap", "Hasibuan", "Sembiring", "Simanjuntak",
    "Situmorang", "Sitompul", "Hutapea", "Sinaga", "Tambunan", "Panjaitan", "Pardede",
    "Manurung", "Ginting", "Tarigan", "Pane", "Daulay", "Ritonga", "Pohan", "Batubara",
    "Rangkuti", "Matondang", "Simatupang", "Silalahi", "Sihombing", "Napitupulu", "Purba",
    "Saragih", "Damanik", "Marpaung", "Pasaribu", "Hutagalung", "Simbolon", "Sitorus",
    # Minang suku
    "Tanjung", "Chaniago", "Piliang", "Sikumbang", "Koto",
    # patronymics / family names used by both genders
    "Hasan", "Husin", "Ibrahim", "Ismail", "Rahman", "Hamzah", "Abdullah", "Anwar",
    "Harun", "Idris", "Karim", "Nasir", "Rasyid", "Salim", "Sulaiman", "Usman",
    "Umar", "Yahya", "Bakri", "Syarif", "Thalib", "Alwi", "Assegaf", "Alatas", "Basri",
    "Hanafi", "Effendi", "Zulkarnain", "Amri", "Hakim", "Saleh", "Hanafiah", "Rivai",
    "Djunaidi", "Thamrin", "Mansur", "Syukur",
    # Javanese / Chinese-Indonesian family names
    "Wijaya", "Halim", "Kusuma", "Purnama", "Utama", "Santoso",
]

MALE_LAST_NAMES = [
    "Saputra", "Pratama", "Setiawan", "Kurniawan", "Hidayat", "Syahputra", "Nugroho",
    "Wibowo", "Prasetyo", "Susanto", "Hermawan", "Firmansyah", "Ramadhan", "Maulana",
    "Permana", "Gunawan", "Wicaksono", "Kusnadi", "Suherman", "Sutrisno", "Purwanto",
    "Haryanto", "Suryadi", "Iskandar", "Darmawan", "Sanjaya", "Hartono", "Budiman",
    "Irawan", "Suryana", "Ardiansyah", "Febriansyah", "Kurniadi", "Pamungkas", "Nurhadi",
    "Saputro", "Adiputra", "Mahendra", "Hidayatullah", "Syahbana",
]

FEMALE_LAST_NAMES = [
    "Rahmawati", "Anggraini", "Permatasari", "Lestari", "Wulandari", "Puspitasari", "Sari",
    "Rahayu", "Handayani", "Susanti", "Safitri", "Oktaviani", "Fitriani", "Hidayati",
    "Kusumawati", "Pertiwi", "Novitasari", "Maharani", "Damayanti", "Yuliani", "Ramadhani",
    "Kurniasih", "Agustina", "Utami", "Wahyuni", "Purnamasari", "Setyaningsih", "Febrianti",
    "Andriani", "Apriliani", "Mulyani", "Nuraini", "Astuti", "Kartika", "Ratnasari",
    "Indriani", "Maulida", "Syafitri", "Wardani", "Cahyani",
]
# fmt: on
