using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Moderation;

/// <summary>Keeps a post's state and its thread's visibility in step: a thread is hidden while its opening post is.</summary>
public static class PostVisibility
{
    public static void Set(Post post, PostState state)
    {
        post.State = state;
        if (post.IsOpening && post.Thread is { } thread)
        {
            thread.IsHidden = state != PostState.Visible;
        }
    }
}
