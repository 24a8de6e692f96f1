using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentWarnings",
                table: "Posts",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShownContentWarnings",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which would drop the search triggers on Posts.
            migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"ContentWarnings\";");
            migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"ShownContentWarnings\";");
        }
    }
}
